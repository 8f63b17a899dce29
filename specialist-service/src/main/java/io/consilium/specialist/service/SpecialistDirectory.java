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
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.List;
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
        Set<String> subjects = new HashSet<>();
        for (Map.Entry<Integer, SpecialistProfile> row : rows.entrySet()) {
            String subject = row.getValue().subject();
            if (subject != null && (!subjects.add(subject) || subjectTaken(subject, null))) {
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
            throw new ProblemException.InvalidRequest("The request has 1 invalid field(s)",
                    List.of(new Violation("subject", "is already used by another specialist")));
        }
    }
}
