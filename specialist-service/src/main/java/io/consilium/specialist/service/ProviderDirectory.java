package io.consilium.specialist.service;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.problem.Violation;
import io.consilium.specialist.domain.Provider;
import io.consilium.specialist.domain.TreatmentCatalogue;
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
import java.util.Comparator;
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
    private final Treatments treatments;

    ProviderDirectory(Clock clock, Outbox outbox, Treatments treatments) {
        this.clock = clock;
        this.outbox = outbox;
        this.treatments = treatments;
    }

    /** A provider with its fields, scored against a search: the distance from the patient when both are known. */
    public record Found(Provider provider, Double distanceKm) {
    }

    @Transactional
    public Provider create(Consumer<Provider> fields) {
        Instant now = clock.instant();
        Provider provider = new Provider();
        provider.id = UUID.randomUUID();
        fields.accept(provider);
        treatments.requireKnown("treatments", provider.treatments);
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
        treatments.requireKnown("treatments", provider.treatments);
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
    public Page<Found> search(Caller caller, ProviderFilter filter, PageRequest page) {
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
        if (filter.treatment() != null && !filter.treatment().isBlank()) {
            where.add(treatmentClause(filter.treatment().strip(), params));
        }
        if (filter.network() != null) {
            where.add("array_contains(networks, :network)");
            params.and("network", filter.network());
        }
        PanacheQuery<Provider> query = Provider.find(String.join(" and ", where), Sort.ascending("name").and("id"), params);
        if (!filter.near()) {
            return Page.of(query, page).map(p -> new Found(p, null));
        }
        // Nearest first: a tenant's network is small (hundreds), so the matches are ranked here rather than in SQL;
        // providers without coordinates follow, by name.
        List<Found> ranked = query.list().stream()
                .map(p -> new Found(p, p.distanceKmFrom(filter.latitude(), filter.longitude())))
                .sorted(Comparator.comparing(Found::distanceKm, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        int from = Math.min(page.offset(), ranked.size());
        int to = Math.min(from + page.size(), ranked.size());
        return new Page<>(ranked.subList(from, to), page.page(), page.size(), ranked.size());
    }

    /**
     * A treatment code must be one of the catalogue's (else 422: a typo must not look like "no provider offers
     * it"); free text matches the catalogue's display names and the providers' own words.
     */
    private String treatmentClause(String treatment, Parameters params) {
        if (TreatmentCatalogue.looksLikeCode(treatment)) {
            if (!treatments.catalogue().knows(treatment)) {
                throw new ProblemException.Unprocessable("Unknown treatment code",
                        List.of(new Violation("treatment", "is not a code of the treatment catalogue")));
            }
            params.and("treatment", treatment);
            return "array_contains(treatments, :treatment)";
        }
        List<String> alternatives = new ArrayList<>();
        alternatives.add("lower(treatmentsText) like :treatmentText escape '\\'");
        params.and("treatmentText", "%" + likeEscaped(treatment.toLowerCase(Locale.ROOT)) + "%");
        List<String> codes = treatments.catalogue().codesMatching(treatment);
        for (int i = 0; i < codes.size(); i++) {
            alternatives.add("array_contains(treatments, :code" + i + ")");
            params.and("code" + i, codes.get(i));
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
