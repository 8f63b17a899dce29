package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.CaseManager;
import io.consilium.cases.domain.CaseState;
import io.consilium.cases.domain.ManagerSelection;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.ManagerAssigned;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gives a submitted case its personal doctor: automatically on submission (least loaded of the tenant's team who
 * speaks the patient's language) or by ops, who may also hand a case over to another doctor.
 */
@ApplicationScoped
public class ManagerAssignment {

    static final EnumSet<CaseState> OPEN = EnumSet.complementOf(
            EnumSet.of(CaseState.DRAFT, CaseState.CLOSED, CaseState.CANCELLED, CaseState.REJECTED));

    private final CaseWorkflow workflow;
    private final EntityManager em;

    ManagerAssignment(CaseWorkflow workflow, EntityManager em) {
        this.workflow = workflow;
        this.em = em;
    }

    /** In the submitting transaction; leaves the case SUBMITTED (for ops to assign) when nobody fits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignAutomatically(SmoCase c) {
        // Locking the team's rows serialises concurrent assignments, so capacity is never overrun.
        List<CaseManager> team = em.createQuery(
                        "from CaseManager where tenant = ?1 and active = true order by subject", CaseManager.class)
                .setParameter(1, c.tenant).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (team.isEmpty()) {
            return;
        }
        Map<String, Long> load = openCases(team.stream().map(m -> m.subject).toList());
        List<ManagerSelection.Candidate> candidates = team.stream()
                .map(m -> new ManagerSelection.Candidate(m.subject, m.languages, m.capacity, load.getOrDefault(m.subject, 0L)))
                .toList();
        ManagerSelection.pick(candidates, c.preferredLanguage).ifPresent(subject -> {
            c.assignManager(subject, workflow.now());
            workflow.publish(c, CaseEvents.MANAGER_ASSIGNED,
                    new ManagerAssigned(c.id, c.tenant, subject, null, workflow.now()));
        });
    }

    /** Ops assign a submitted case or hand an assigned one over. */
    @Transactional
    public SmoCase assignByOps(Caller caller, UUID caseId, String ifMatch, String managerSubject) {
        // Assigning and handing over are both ops' (no caller is SYSTEM), so one check serves both; the case itself
        // refuses the step its state does not allow.
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.REASSIGN_MANAGER);
        CaseManager manager = CaseManager.findById(managerSubject);
        if (manager == null || !manager.active || !manager.tenant.equals(c.tenant)) {
            throw new ProblemException.InvalidRequest("Unknown personal doctor for this tenant",
                    List.of(new Violation("managerId", "must be an active personal doctor of the case's tenant")));
        }
        String previous = null;
        if (c.state == CaseState.SUBMITTED) {
            c.assignManager(managerSubject, workflow.now());
        } else {
            previous = c.reassignManager(managerSubject, workflow.now());
        }
        workflow.publish(c, CaseEvents.MANAGER_ASSIGNED,
                new ManagerAssigned(c.id, c.tenant, managerSubject, previous, workflow.now()));
        workflow.audit(caller, c, previous == null ? "ASSIGN_MANAGER" : "REASSIGN_MANAGER", "operations");
        return c;
    }

    /** Open cases per doctor, for capacity and load. */
    public Map<String, Long> openCases(List<String> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select managerId, count(*) from SmoCase where managerId in ?1 and state in ?2 group by managerId",
                        Object[].class)
                .setParameter(1, subjects).setParameter(2, OPEN).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }
}
