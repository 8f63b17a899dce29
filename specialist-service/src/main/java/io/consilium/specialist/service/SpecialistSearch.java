package io.consilium.specialist.service;

import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.specialist.domain.ConditionCodes;
import io.consilium.specialist.domain.Specialist;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Searches the directory with filters and paging, ordered by name then id. */
@ApplicationScoped
public class SpecialistSearch {

    public Page<Specialist> search(SpecialistFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("1 = 1");
        if (filter.specialty() != null) {
            where.add("specialty = :specialty");
            params.and("specialty", filter.specialty());
        }
        if (filter.subspecialty() != null) {
            where.add("array_contains(subspecialties, :subspecialty)");
            params.and("subspecialty", filter.subspecialty());
        }
        if (filter.condition() != null) {
            // an ICD-10 code matches the entries that cover it, as in ranking: itself, its category, ranges
            List<String> entries = ConditionCodes.entriesCovering(filter.condition(), storedRanges());
            List<String> any = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                any.add("array_contains(conditions, :condition" + i + ")");
                params.and("condition" + i, entries.get(i));
            }
            where.add("(" + String.join(" or ", any) + ")");
        }
        if (filter.language() != null) {
            where.add("array_contains(languages, :language)");
            params.and("language", filter.language());
        }
        if (filter.licenceCountry() != null) {
            where.add("array_contains(licenceCountries, :licence)");
            params.and("licence", filter.licenceCountry());
        }
        if (filter.practiceCountry() != null) {
            where.add("practiceCountry = :country");
            params.and("country", filter.practiceCountry());
        }
        if (filter.institution() != null) {
            where.add("lower(institution) = :institution");
            params.and("institution", filter.institution().toLowerCase(Locale.ROOT));
        }
        if (filter.name() != null) {
            where.add("lower(name) like :name");
            params.and("name", "%" + filter.name().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.active() != null) {
            where.add("active = :active");
            params.and("active", filter.active());
        }
        PanacheQuery<Specialist> query = Specialist.find(String.join(" and ", where),
                Sort.ascending("name").and("id"), params);
        return Page.of(query, page);
    }

    /** The distinct ranges (such as C60-C63) in the directory: few, whatever its size. */
    @SuppressWarnings("unchecked")
    private static List<String> storedRanges() {
        return Specialist.getEntityManager().createNativeQuery(
                "select distinct e from specialist, unnest(conditions) e where e like '___-___'").getResultList();
    }
}
