package io.consilium.specialist.service;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.specialist.domain.Provider;
import io.consilium.specialist.events.ProviderChanged;
import io.consilium.specialist.events.SpecialistEvents;
import io.consilium.specialist.security.ProviderAccess;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** In-network providers per tenant: ops manage them, case managers and partners search their own tenant's. */
@ApplicationScoped
public class ProviderDirectory {

    private final Clock clock;
    private final Outbox outbox;

    ProviderDirectory(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public Provider create(Consumer<Provider> fields) {
        Instant now = clock.instant();
        Provider provider = new Provider();
        provider.id = UUID.randomUUID();
        fields.accept(provider);
        provider.createdAt = now;
        provider.updatedAt = now;
        provider.persist();
        published(provider);
        return provider;
    }

    @Transactional
    public Provider update(Caller caller, UUID id, String ifMatch, Consumer<Provider> fields) {
        Provider provider = visible(caller, id);
        EntityTags.checkIfMatch(ifMatch, provider.version);
        fields.accept(provider);
        provider.updatedAt = clock.instant();
        Provider.flush();
        published(provider);
        return provider;
    }

    /** Other services learn of the provider (and of a tenant changed by a replacement) in the same transaction. */
    private void published(Provider provider) {
        Provider.flush();
        outbox.append(new OutgoingEvent(SpecialistEvents.TOPIC, SpecialistEvents.PROVIDER_CHANGED,
                provider.id.toString(), provider.tenant, ProviderChanged.of(provider)));
    }

    /** The provider, or 404 when unknown or of another tenant than the caller's. */
    @Transactional
    public Provider visible(Caller caller, UUID id) {
        Provider provider = Provider.findById(id);
        if (provider == null || !ProviderAccess.maySee(caller, provider)) {
            throw new ProblemException.NotFound("Provider " + id);
        }
        return provider;
    }

    @Transactional
    public Page<Provider> search(Caller caller, ProviderFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        Optional<String> tenant = ProviderAccess.searchScope(caller, filter.tenant());
        where.add(tenant.isPresent() ? "tenant = :tenant" : "1 = 1");
        tenant.ifPresent(t -> params.and("tenant", t));
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.specialty() != null) {
            where.add("specialty = :specialty");
            params.and("specialty", filter.specialty());
        }
        if (filter.country() != null) {
            where.add("country = :country");
            params.and("country", filter.country());
        }
        if (filter.city() != null) {
            where.add("lower(city) = :city");
            params.and("city", filter.city().toLowerCase(Locale.ROOT));
        }
        if (filter.language() != null) {
            where.add("array_contains(languages, :language)");
            params.and("language", filter.language());
        }
        PanacheQuery<Provider> query = Provider.find(String.join(" and ", where), Sort.ascending("name").and("id"), params);
        return Page.of(query, page);
    }
}
