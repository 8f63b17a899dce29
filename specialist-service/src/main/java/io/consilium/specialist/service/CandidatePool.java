package io.consilium.specialist.service;

import io.consilium.specialist.domain.Absence;
import io.consilium.specialist.domain.Candidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.util.List;
import java.util.UUID;

/**
 * The directory as matching sees it: read-only snapshots of every specialist of one specialty, loaded in one
 * query without managed entities (matching reads thousands of rows per request). The remaining rules are applied
 * by {@link io.consilium.specialist.domain.SpecialistRanking}, so every exclusion can be explained.
 */
@ApplicationScoped
public class CandidatePool {

    private final EntityManager em;

    CandidatePool(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<Candidate> ofSpecialty(String specialty) {
        List<Object[]> rows = em.createQuery("""
                        select s.id, s.subject, s.specialty, s.subspecialties, s.conditions, s.languages,
                               s.licenceCountries, s.practiceCountry, s.institution, s.monthlyCapacity, s.currentLoad,
                               s.absences, s.turnaroundDays, s.active
                        from Specialist s where s.specialty = :specialty""", Object[].class)
                .setParameter("specialty", specialty)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        return rows.stream().map(r -> new Candidate((UUID) r[0], (String) r[1], (String) r[2],
                (List<String>) r[3], (List<String>) r[4], (List<String>) r[5], (List<String>) r[6],
                (String) r[7], (String) r[8], (Integer) r[9], (Integer) r[10],
                ((List<String>) r[11]).stream().map(Absence::parse).toList(), (Double) r[12], (Boolean) r[13]))
                .toList();
    }
}
