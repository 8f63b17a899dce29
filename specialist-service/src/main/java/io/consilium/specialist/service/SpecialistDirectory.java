package io.consilium.specialist.service;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.specialist.domain.Specialist;
import io.consilium.specialist.domain.SpecialistProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Ops' changes to the directory, one transaction each. */
@ApplicationScoped
public class SpecialistDirectory {

    private final Clock clock;

    SpecialistDirectory(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Specialist create(SpecialistProfile profile) {
        requireFreeSubject(profile.subject(), null);
        Specialist specialist = Specialist.create(profile, clock.instant());
        specialist.persist();
        return specialist;
    }

    @Transactional
    public Specialist update(UUID id, SpecialistProfile profile, String ifMatch) {
        Specialist specialist = get(id);
        EntityTags.checkIfMatch(ifMatch, specialist.version);
        requireFreeSubject(profile.subject(), id);
        specialist.apply(profile, clock.instant());
        Specialist.flush();
        return specialist;
    }

    /** The outcome of a bulk import, by row number. */
    public record ImportOutcome(Map<Integer, UUID> imported, Map<Integer, List<Violation>> rejected) {
    }

    /**
     * Imports the rows that passed validation in one transaction. A row whose subject is taken (in the directory
     * or by an earlier row of the same import) is rejected; the others are imported.
     */
    @Transactional
    public ImportOutcome importRows(SortedMap<Integer, SpecialistProfile> rows) {
        Instant now = clock.instant();
        Map<Integer, UUID> imported = new TreeMap<>();
        Map<Integer, List<Violation>> rejected = new TreeMap<>();
        // One query for the subjects already in the directory: a query per row would also flush and dirty-check
        // every entity persisted so far, quadratic in the size of the import.
        List<String> named = rows.values().stream().map(SpecialistProfile::subject).filter(Objects::nonNull).toList();
        Set<String> subjects = named.isEmpty() ? new HashSet<>() : new HashSet<>(Specialist.getEntityManager()
                .createQuery("select s.subject from Specialist s where s.subject in :subjects", String.class)
                .setParameter("subjects", named).getResultList());
        for (Map.Entry<Integer, SpecialistProfile> row : rows.entrySet()) {
            String subject = row.getValue().subject();
            if (subject != null && !subjects.add(subject)) {
                rejected.put(row.getKey(), List.of(new Violation("subject", "is already used by another specialist")));
                continue;
            }
            Specialist specialist = Specialist.create(row.getValue(), now);
            specialist.persist();
            imported.put(row.getKey(), specialist.id);
        }
        return new ImportOutcome(imported, rejected);
    }

    public Specialist get(UUID id) {
        Specialist specialist = Specialist.findById(id);
        if (specialist == null) {
            throw new ProblemException.NotFound("Specialist " + id);
        }
        return specialist;
    }

    /** Whether another entry already uses this login subject (subjects are unique). */
    public boolean subjectTaken(String subject, UUID except) {
        if (subject == null) {
            return false;
        }
        return except == null
                ? Specialist.count("subject", subject) > 0
                : Specialist.count("subject = ?1 and id <> ?2", subject, except) > 0;
    }

    private void requireFreeSubject(String subject, UUID except) {
        if (subjectTaken(subject, except)) {
            // the request is well-formed; it conflicts with the directory's state (subjects are unique)
            throw new ProblemException.Conflict("The login subject is already used by another specialist");
        }
    }
}
