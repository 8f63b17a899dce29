package io.consilium.cases.service;

import io.consilium.cases.domain.SmoCase;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;

import java.util.UUID;

/**
 * Another service's event about a known case must carry the case's tenant ({@code ce_tenant}); one that names
 * another tenant is refused as a broken contract (a dead letter), never filed under the case where that case's
 * partner would see it. Events without a tenant, or about cases this service does not know, pass.
 */
public final class IncomingTenant {

    private IncomingTenant() {
    }

    public static void requireCasesTenant(IncomingEvent event) {
        if (event.tenant() == null) {
            return;
        }
        requireTenant(event, SmoCase.getEntityManager()
                .createQuery("select c.tenant from SmoCase c where c.id = :id", String.class)
                .setParameter("id", UUID.fromString(event.subject()))
                .getResultStream().findFirst().orElse(null));
    }

    /** The same, for a consumer that has loaded the case already ({@code casesTenant} null: unknown case). */
    public static void requireTenant(IncomingEvent event, String casesTenant) {
        if (event.tenant() != null && casesTenant != null && !casesTenant.equals(event.tenant())) {
            throw new InvalidEvent("Event " + event.id() + " names tenant " + event.tenant()
                    + ", not the case's");
        }
    }
}
