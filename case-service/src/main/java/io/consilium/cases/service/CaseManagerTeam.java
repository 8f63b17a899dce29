package io.consilium.cases.service;

import io.consilium.cases.domain.CaseManager;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The personal doctors of each tenant's team, managed by ops. */
@ApplicationScoped
public class CaseManagerTeam {

    /** What ops say about a doctor. */
    public record Profile(String tenant, String name, List<String> languages, int capacity, boolean active) {
    }

    /** A doctor with their current number of open cases. */
    public record Member(CaseManager manager, long openCases) {
    }

    private final Clock clock;
    private final ManagerAssignment assignment;

    CaseManagerTeam(Clock clock, ManagerAssignment assignment) {
        this.clock = clock;
        this.assignment = assignment;
    }

    @Transactional
    public CaseManager create(String subject, Profile profile) {
        if (CaseManager.findById(subject) != null) {
            throw new ProblemException.Conflict("A personal doctor with subject " + subject + " exists");
        }
        CaseManager m = new CaseManager();
        m.subject = subject;
        m.createdAt = clock.instant();
        apply(m, profile);
        m.persist();
        return m;
    }

    @Transactional
    public CaseManager update(String subject, String ifMatch, Profile profile) {
        CaseManager m = find(subject);
        EntityTags.checkIfMatch(ifMatch, m.version);
        if (!m.tenant.equals(profile.tenant())) {
            throw new ProblemException.Conflict("A personal doctor cannot move to another tenant's team");
        }
        apply(m, profile);
        CaseManager.flush();
        return m;
    }

    @Transactional
    public boolean exists(String subject) {
        return CaseManager.findById(subject) != null;
    }

    @Transactional
    public Member get(String subject) {
        CaseManager m = find(subject);
        return new Member(m, assignment.openCases(List.of(subject)).getOrDefault(subject, 0L));
    }

    @Transactional
    public List<Member> team(String tenant) {
        List<CaseManager> managers = tenant == null ? CaseManager.list("order by tenant, subject")
                : CaseManager.list("tenant = ?1 order by subject", tenant);
        Map<String, Long> load = assignment.openCases(managers.stream().map(m -> m.subject).toList());
        return managers.stream().map(m -> new Member(m, load.getOrDefault(m.subject, 0L))).toList();
    }

    private static CaseManager find(String subject) {
        CaseManager m = CaseManager.findById(subject);
        if (m == null) {
            throw new ProblemException.NotFound("Personal doctor " + subject);
        }
        return m;
    }

    private void apply(CaseManager m, Profile p) {
        m.tenant = p.tenant();
        m.name = p.name();
        m.languages = List.copyOf(p.languages());
        m.capacity = p.capacity();
        m.active = p.active();
        m.updatedAt = clock.instant();
    }
}
