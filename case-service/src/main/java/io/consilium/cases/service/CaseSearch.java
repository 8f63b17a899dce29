package io.consilium.cases.service;

import io.consilium.cases.domain.SmoCase;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the cases a caller may see. The caller's scope (own cases, own tenant, assigned cases) is part of the
 * query itself, so no filter combination can widen it.
 */
@ApplicationScoped
public class CaseSearch {

    private final CasePatients patients;

    CaseSearch(CasePatients patients) {
        this.patients = patients;
    }

    @Transactional
    public Page<SmoCase> search(Caller caller, CaseFilter filter, PageRequest page) {
        // A patient's first look at their cases is where the cases a partner opened for their member reach them.
        patients.recognise(caller);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        scope(caller, where, params);
        if (filter.state() != null) {
            where.add("state = :state");
            params.and("state", filter.state());
        }
        if (filter.tenant() != null) {
            where.add("tenant = :tenantFilter");
            params.and("tenantFilter", filter.tenant());
        }
        if (filter.requestedSpecialty() != null) {
            where.add("requestedSpecialty = :specialty");
            params.and("specialty", filter.requestedSpecialty());
        }
        if (filter.urgency() != null) {
            where.add("urgency = :urgency");
            params.and("urgency", filter.urgency());
        }
        if (filter.createdFrom() != null) {
            where.add("createdAt >= :from");
            params.and("from", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            where.add("createdAt < :to");
            params.and("to", filter.createdTo());
        }
        PanacheQuery<SmoCase> query = SmoCase.find(String.join(" and ", where),
                Sort.descending("createdAt").and("id"), params);
        return Page.of(query, page);
    }

    private static void scope(Caller caller, List<String> where, Parameters params) {
        if (caller.is(Roles.OPS)) {
            where.add("1 = 1");
        } else if (caller.is(Roles.CASE_MANAGER)) {
            where.add("managerId = :subject");
            params.and("subject", caller.subject());
        } else if (caller.is(Roles.PARTNER)) {
            where.add("tenant = :ownTenant");
            params.and("ownTenant", caller.requireTenant());
        } else if (caller.is(Roles.PATIENT)) {
            where.add("patientId = :subject and tenant = :ownTenant");
            params.and("subject", caller.subject());
            params.and("ownTenant", caller.requireTenant());
        } else {
            where.add("1 = 0");
        }
    }
}
