package io.consilium.specialist.service;

import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Reminds invitations close to their deadline and expires those past it, one transaction per case so one failing
 * case does not hold up the others. Runs every {@code consilium.invitations.expiry-check-every}; tests call
 * {@link #remindDue()} and {@link #expireDue()} directly.
 */
@ApplicationScoped
public class InvitationExpiry {

    private static final Logger LOG = Logger.getLogger(InvitationExpiry.class);

    private final PanelAssembly assembly;
    private final Clock clock;

    InvitationExpiry(PanelAssembly assembly, Clock clock) {
        this.assembly = assembly;
        this.clock = clock;
    }

    @Scheduled(every = "${consilium.invitations.expiry-check-every:1m}", identity = "invitation-expiry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        remindDue();
        expireDue();
    }

    /** @return how many reminders were published */
    public int remindDue() {
        int reminded = 0;
        for (UUID caseId : casesWithDueReminders()) {
            try {
                reminded += assembly.remindDue(caseId);
            } catch (RuntimeException e) {
                LOG.warnf("Invitations of case %s could not be reminded now: %s", caseId, e.getMessage());
            }
        }
        return reminded;
    }

    /** @return how many invitations expired */
    public int expireDue() {
        int expired = 0;
        for (UUID caseId : casesWithDueInvitations()) {
            try {
                expired += assembly.expireDue(caseId);
            } catch (RuntimeException e) {
                LOG.warnf("Invitations of case %s could not be expired now: %s", caseId, e.getMessage());
            }
        }
        return expired;
    }

    @Transactional
    List<UUID> casesWithDueInvitations() {
        return Invitation.getEntityManager().createQuery("""
                        select distinct i.caseId from Invitation i
                        where i.state = :invited and i.deadline <= :now""", UUID.class)
                .setParameter("invited", InvitationState.INVITED)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    @Transactional
    List<UUID> casesWithDueReminders() {
        return Invitation.getEntityManager().createQuery("""
                        select distinct i.caseId from Invitation i
                        where i.state = :invited and i.remindedAt is null and i.remindAt <= :now
                        and i.deadline > :now""", UUID.class)
                .setParameter("invited", InvitationState.INVITED)
                .setParameter("now", clock.instant())
                .getResultList();
    }
}
