package io.consilium.specialist.service;

import io.consilium.specialist.domain.Absence;
import io.consilium.specialist.domain.Candidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * The directory as matching sees it: read-only snapshots of every specialist of one specialty. The rules are
 * applied by {@link io.consilium.specialist.domain.SpecialistRanking}, so every exclusion can be explained.
 * <p>
 * Matching reads thousands of rows per request, so a specialty's candidates are kept in memory with the
 * specialty's generation ({@code directory_generation}, moved on by a trigger on every change to its
 * specialists, capacity included) and re-read only when the generation differs. The generation is read before
 * the rows, so a snapshot is never older than its generation; with several replicas each checks the database.
 * Rows travel as '|'-joined text rather than SQL arrays, which are costly to decode row by row.
 */
@ApplicationScoped
public class CandidatePool {

    private static final char SEPARATOR = '|';

    private final EntityManager em;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    private record Snapshot(long generation, List<Candidate> candidates) {
    }

    CandidatePool(EntityManager em) {
        this.em = em;
    }

    public List<Candidate> ofSpecialty(String specialty) {
        List<?> generation = em.createNativeQuery("select generation from directory_generation where specialty = ?1")
                .setParameter(1, specialty)
                .getResultList();
        if (generation.isEmpty()) {
            return load(specialty);
        }
        long current = ((Number) generation.get(0)).longValue();
        Snapshot cached = snapshots.get(specialty);
        if (cached != null && cached.generation() == current) {
            return cached.candidates();
        }
        List<Candidate> loaded = load(specialty);
        snapshots.put(specialty, new Snapshot(current, loaded));
        return loaded;
    }

    @SuppressWarnings("unchecked")
    private List<Candidate> load(String specialty) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, subject, specialty, array_to_string(subspecialties, '|'),
                               array_to_string(conditions, '|'), array_to_string(languages, '|'),
                               array_to_string(licence_countries, '|'), practice_country, institution,
                               monthly_capacity, current_load, array_to_string(absences, '|'), turnaround_days, active
                        from specialist where specialty = ?1""")
                .setParameter(1, specialty)
                .getResultList();
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            candidates.add(new Candidate((UUID) r[0], (String) r[1], (String) r[2], split(r[3]), split(r[4]),
                    split(r[5]), split(r[6]), (String) r[7], (String) r[8], ((Number) r[9]).intValue(),
                    ((Number) r[10]).intValue(), split(r[11]).stream().map(Absence::parse).toList(),
                    r[12] == null ? null : ((Number) r[12]).doubleValue(), (Boolean) r[13]));
        }
        return List.copyOf(candidates);
    }

    /** Entries never contain '|': they are slugs, codes, ISO codes and dates (validated on the way in). */
    static List<String> split(Object joined) {
        String text = (String) joined;
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(4);
        int start = 0;
        for (int i = text.indexOf(SEPARATOR); i >= 0; i = text.indexOf(SEPARATOR, start)) {
            values.add(text.substring(start, i));
            start = i + 1;
        }
        values.add(text.substring(start));
        return values;
    }
}
