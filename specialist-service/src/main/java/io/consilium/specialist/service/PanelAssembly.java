package io.consilium.specialist.service;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import io.consilium.specialist.config.InvitationSettings;
import io.consilium.specialist.domain.Candidate;
import io.consilium.specialist.domain.EndedCase;
import io.consilium.specialist.domain.Exclusion;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.domain.PanelState;
import io.consilium.specialist.domain.Seat;
import io.consilium.specialist.domain.SeatFilling;
import io.consilium.specialist.domain.Specialist;
import io.consilium.specialist.domain.SpecialistRanking;
import io.consilium.specialist.events.InvitationExpired;
import io.consilium.specialist.events.InvitationReminderDue;
import io.consilium.specialist.events.NoCandidate;
import io.consilium.specialist.events.PanelAssembled;
import io.consilium.specialist.events.SpecialistAccepted;
import io.consilium.specialist.events.SpecialistDeclined;
import io.consilium.specialist.events.SpecialistEvents;
import io.consilium.specialist.events.SpecialistInvited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Fills a case's panel: invites the best candidates for the free seats, moves on to the next candidate after a
 * decline or an expiry, reserves capacity on accept and gives it back when the case ends, and publishes every step
 * through the outbox in the same transaction. Every change locks the panel row first, so changes to one case
 * are serialised (and their events keep their order).
 */
@ApplicationScoped
public class PanelAssembly {

    private static final Logger LOG = Logger.getLogger(PanelAssembly.class);
    private static final Set<Exclusion> NOT_OVERRIDABLE = Set.of(Exclusion.INACTIVE, Exclusion.NO_ACCOUNT,
            Exclusion.CONFLICT_OF_INTEREST, Exclusion.COUNTRY_NOT_ALLOWED);

    private final Outbox outbox;
    private final CandidatePool pool;
    private final Clock clock;
    private final InvitationSettings settings;
    private final InvitationLookup lookup;

    PanelAssembly(Outbox outbox, CandidatePool pool, Clock clock, InvitationSettings settings,
                  InvitationLookup lookup) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.pool = pool;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A case asks for a panel: record the request and invite the top candidates. A further request for the same
     * case reopens the panel only when it was announced short of candidates (case-service lets the personal
     * doctor ask again after {@code no-candidate}, e.g. with more countries or fewer seats), even with invitations
     * still pending; otherwise, and for an ended case, it is ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(PanelRequest.Terms terms) {
        Instant now = clock.instant();
        if (EndedCase.findById(terms.caseId()) != null) {
            LOG.infof("Case %s has ended; its review request is ignored", terms.caseId());
            return;
        }
        PanelRequest existing = PanelRequest.findById(terms.caseId(), LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            if (!existing.reopenable()) {
                LOG.infof("Case %s already has a %s panel; the new request is ignored", terms.caseId(), existing.state);
                return;
            }
            existing.reopen(terms, now);
            existing.flush();
            if (!assembleIfFull(existing, now)) { // a smaller panel may be complete already
                fillSeats(existing, now);
            }
            return;
        }
        PanelRequest panel = PanelRequest.open(terms, now);
        panel.persist();
        panel.flush();
        fillSeats(panel, now);
    }

    @Transactional
    public Invitation accept(Caller caller, UUID invitationId, String ifMatch) {
        Instant now = clock.instant();
        Invitation invitation = lookup.answerable(caller, invitationId, "ACCEPT");
        PanelRequest panel = lockedPanel(invitation.caseId);
        EntityTags.checkIfMatch(ifMatch, invitation.version);
        if (!panel.state.acceptsInvitations()) {
            throw new ProblemException.Conflict("The case's panel is " + panel.state + " and takes no more answers");
        }
        invitation.accept(now);
        Specialist specialist = Specialist.findById(invitation.specialistId, LockModeType.PESSIMISTIC_WRITE);
        specialist.reserveSeat();
        Invitation.flush();
        publish(panel, SpecialistEvents.ACCEPTED, new SpecialistAccepted(panel.caseId, panel.tenant, invitation.id,
                invitation.specialistId, invitation.specialistSubject, specialist.name, invitation.specialistCountry, now,
                invitation.seat, invitation.reportDueBy, specialist.specialty, specialist.institution));
        assembleIfFull(panel, now);
        return invitation;
    }

    /**
     * Assembles the panel once enough specialists accepted; invitations still pending then are withdrawn (a
     * request for a smaller panel can complete it while some are open). @return whether it was assembled
     */
    private boolean assembleIfFull(PanelRequest panel, Instant now) {
        List<Invitation> accepted = Invitation.<Invitation>list("caseId = ?1 and state = ?2 order by respondedAt, id",
                panel.caseId, InvitationState.ACCEPTED);
        if (accepted.size() < panel.panelSize) {
            return false;
        }
        panel.assemble(now);
        for (Invitation pending : Invitation.<Invitation>list("caseId = ?1 and state = ?2", panel.caseId,
                InvitationState.INVITED)) {
            pending.withdraw(now);
        }
        publish(panel, SpecialistEvents.PANEL_ASSEMBLED, new PanelAssembled(panel.caseId, panel.tenant,
                accepted.stream().map(i -> new PanelAssembled.Member(i.specialistId, i.specialistSubject,
                        i.specialistCountry, i.seat)).toList(), now));
        return true;
    }

    @Transactional
    public Invitation decline(Caller caller, UUID invitationId, String reason, String ifMatch) {
        Instant now = clock.instant();
        Invitation invitation = lookup.answerable(caller, invitationId, "DECLINE");
        PanelRequest panel = lockedPanel(invitation.caseId);
        EntityTags.checkIfMatch(ifMatch, invitation.version);
        invitation.decline(reason, now);
        Invitation.flush();
        publish(panel, SpecialistEvents.DECLINED, new SpecialistDeclined(panel.caseId, panel.tenant, invitation.id,
                invitation.specialistId, invitation.specialistSubject, directoryName(invitation.specialistId), reason, now,
                invitation.seat));
        fillSeats(panel, now);
        return invitation;
    }

    /** Expires the case's invitations whose deadline has passed and invites the next candidates. */
    @Transactional
    public int expireDue(UUID caseId) {
        Instant now = clock.instant();
        PanelRequest panel = lockedPanel(caseId);
        int expired = 0;
        for (Invitation invitation : Invitation.ofCase(caseId)) {
            if (invitation.isDue(now)) {
                invitation.expire(now);
                expired++;
                Invitation.flush();
                publish(panel, SpecialistEvents.EXPIRED, new InvitationExpired(panel.caseId, panel.tenant,
                        invitation.id, invitation.specialistId, invitation.specialistSubject, now, invitation.seat));
            }
        }
        if (expired > 0) {
            fillSeats(panel, now);
        }
        return expired;
    }

    /**
     * Reminds the case's invitations that are close to their deadline and still unanswered, once each: the
     * reminder is marked on the invitation in the transaction that publishes it, under the panel's lock.
     */
    @Transactional
    public int remindDue(UUID caseId) {
        Instant now = clock.instant();
        PanelRequest panel = lockedPanel(caseId);
        int reminded = 0;
        for (Invitation invitation : Invitation.ofCase(caseId)) {
            if (invitation.isReminderDue(now)) {
                invitation.reminded(now);
                reminded++;
                publish(panel, SpecialistEvents.INVITATION_REMINDER_DUE, new InvitationReminderDue(panel.caseId,
                        panel.tenant, invitation.id, invitation.specialistId, invitation.specialistSubject,
                        invitation.seat, invitation.deadline, now));
            }
        }
        return reminded;
    }

    /**
     * Ops invite a named specialist instead of (or after) the ranking's choice, to a free seat: the one named,
     * else the first free seat of the specialist's specialty, else the first free seat.
     */
    @Transactional
    public Invitation override(UUID caseId, UUID specialistId, Integer seatNumber, String reason) {
        Instant now = clock.instant();
        PanelRequest panel = lockedPanel(caseId);
        if (!panel.state.acceptsInvitations()) {
            throw new ProblemException.Conflict("The case's panel is " + panel.state + " and takes no more invitations");
        }
        List<Invitation> all = Invitation.ofCase(caseId);
        List<SeatFilling.Held> held = held(all);
        List<Seat> free = SeatFilling.free(panel.seats, held);
        if (free.isEmpty()) {
            throw new ProblemException.Conflict("Every seat of the panel is accepted or has a pending invitation");
        }
        Specialist specialist = Specialist.findById(specialistId);
        if (specialist == null) {
            throw new ProblemException.Unprocessable("No specialist " + specialistId + " in the directory",
                    List.of(new Violation("specialistId", "must name a specialist of the directory")));
        }
        Seat seat;
        if (seatNumber != null) {
            seat = free.stream().filter(s -> s.number() == seatNumber).findFirst().orElseThrow(() ->
                    new ProblemException.Conflict("Seat " + seatNumber + " is not a free seat of the panel; free: "
                            + free.stream().map(Seat::number).toList()));
        } else {
            seat = free.stream().filter(s -> s.specialty().equals(specialist.specialty)).findFirst().orElse(free.get(0));
        }
        boolean abroad = SeatFilling.outsideRequired(panel.minOutsideResidence,
                SeatFilling.outside(held, panel.countryOfResidence), free.size());
        Set<Exclusion> exclusions = SpecialistRanking.exclusions(panel.toReviewRequest(seat, invited(all), abroad),
                specialist.asCandidate(), today(now));
        if (exclusions.contains(Exclusion.ALREADY_INVITED)) {
            throw new ProblemException.Conflict("The specialist was invited to this case before");
        }
        // Ops may overrule fit, absence and capacity, never conflicts of interest or the patient's countries.
        List<Exclusion> refused = exclusions.stream().filter(NOT_OVERRIDABLE::contains).toList();
        if (!refused.isEmpty()) {
            throw new ProblemException.Unprocessable("The specialist cannot be invited to this case: " + refused,
                    List.of(new Violation("specialistId", "cannot be invited to seat " + seat.number()
                            + " of this case: " + refused)));
        }
        panel.reopen(now);
        Invitation invitation = invite(panel, seat, specialist.asCandidate(), null, now);
        invitation.overridden = true;
        invitation.overrideReason = reason;
        return invitation;
    }

    /** The case was cancelled or closed: withdraw pending invitations and give accepted seats back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(UUID caseId, PanelState finalState) {
        Instant now = clock.instant();
        EndedCase.record(caseId, finalState, now);
        PanelRequest panel = PanelRequest.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        if (panel == null || panel.state == PanelState.CANCELLED || panel.state == PanelState.CLOSED) {
            return;
        }
        for (Invitation invitation : Invitation.ofCase(caseId)) {
            if (invitation.state == InvitationState.INVITED) {
                invitation.withdraw(now);
            } else if (invitation.state == InvitationState.ACCEPTED) {
                invitation.release(now);
                Specialist specialist = Specialist.findById(invitation.specialistId, LockModeType.PESSIMISTIC_WRITE);
                specialist.releaseSeat();
            }
        }
        panel.end(finalState, now);
    }

    /**
     * Invites a candidate for every free seat, each from that seat's own ranking, keeping the panel's country rule;
     * seats nobody can take are announced (no-candidate, naming them) whenever that set of seats changes.
     */
    private void fillSeats(PanelRequest panel, Instant now) {
        if (!panel.state.acceptsInvitations()) {
            return;
        }
        List<Invitation> all = Invitation.ofCase(panel.caseId);
        List<SeatFilling.Held> held = held(all);
        if (SeatFilling.free(panel.seats, held).isEmpty()) {
            return;
        }
        Set<UUID> invited = invited(all);
        LocalDate today = today(now);
        SeatFilling.Result result = SeatFilling.fill(panel.seats, held, panel.countryOfResidence,
                panel.minOutsideResidence, (seat, abroad, chosen) -> {
                    Set<UUID> excluded = new java.util.HashSet<>(invited);
                    excluded.addAll(chosen);
                    return SpecialistRanking.rank(panel.toReviewRequest(seat, excluded, abroad),
                            pool.ofSpecialty(seat.specialty()), today);
                });
        for (SeatFilling.Pick pick : result.picks()) {
            invite(panel, pick.seat(), pick.ranked().candidate(), pick.ranked().score().total(), now);
        }
        long pending = count(all, InvitationState.INVITED) + result.picks().size();
        List<Integer> shortSeats = result.unfilled().stream().map(u -> u.seat().number()).toList();
        if (!shortSeats.isEmpty()
                && (!shortSeats.equals(panel.shortSeats) || pending == 0 && panel.state == PanelState.OPEN)) {
            panel.shortOf(shortSeats);
            publish(panel, SpecialistEvents.NO_CANDIDATE, new NoCandidate(panel.caseId, panel.tenant,
                    result.unfilled().get(0).reason(), shortSeats.size(), now, result.unfilled().stream()
                    .map(u -> new NoCandidate.UnfilledSeat(u.seat().number(), u.seat().specialty(), u.seat().focus(),
                            u.reason())).toList()));
        }
        if (!shortSeats.isEmpty() && pending == 0) {
            panel.markUnfilled(now);
        }
    }

    private Invitation invite(PanelRequest panel, Seat seat, Candidate candidate, Double score, Instant now) {
        Duration acceptWithin = panel.acceptWithinHours != null ? Duration.ofHours(panel.acceptWithinHours)
                : settings.deadline();
        int reportWithin = panel.reportWithinHours != null ? panel.reportWithinHours
                : (int) settings.reportWithin().toHours();
        Invitation invitation = Invitation.issue(panel.caseId, seat, candidate, score, now, acceptWithin,
                settings.reminderBefore(), reportWithin);
        invitation.persist();
        Invitation.flush();
        publish(panel, SpecialistEvents.INVITED, new SpecialistInvited(panel.caseId, panel.tenant, invitation.id,
                invitation.specialistId, invitation.specialistSubject, invitation.deadline, seat.number(),
                seat.specialty(), reportWithin));
        return invitation;
    }

    /**
     * The seats pending and accepted invitations hold. One from before seats without a seat takes the first seat
     * nobody else holds (the migration gave every such invitation a seat, so this is a safety net).
     */
    static List<SeatFilling.Held> held(List<Invitation> invitations) {
        List<Invitation> holding = invitations.stream()
                .filter(i -> i.state == InvitationState.INVITED || i.state == InvitationState.ACCEPTED).toList();
        Set<Integer> taken = holding.stream().map(i -> i.seat).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        List<SeatFilling.Held> held = new java.util.ArrayList<>();
        int next = 1;
        for (Invitation i : holding) {
            int seat;
            if (i.seat != null) {
                seat = i.seat;
            } else {
                while (taken.contains(next)) {
                    next++;
                }
                seat = next;
                taken.add(seat);
            }
            held.add(new SeatFilling.Held(seat, i.specialistCountry));
        }
        return held;
    }

    private static PanelRequest lockedPanel(UUID caseId) {
        PanelRequest panel = PanelRequest.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        if (panel == null) {
            throw new ProblemException.NotFound("Panel of case " + caseId);
        }
        // The invitations read before the lock may be stale: read them again under it.
        Invitation.<Invitation>list("caseId", caseId).forEach(i -> Invitation.getEntityManager().refresh(i));
        return panel;
    }

    private void publish(PanelRequest panel, String type, Object payload) {
        outbox.append(new OutgoingEvent(SpecialistEvents.TOPIC, type, panel.caseId.toString(), panel.tenant, payload));
    }

    private static long count(List<Invitation> invitations, InvitationState state) {
        return invitations.stream().filter(i -> i.state == state).count();
    }

    private static Set<UUID> invited(List<Invitation> invitations) {
        return invitations.stream().map(i -> i.specialistId).collect(Collectors.toSet());
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** The specialist's name in the directory now, for events that name who acted (null if gone from it). */
    private static String directoryName(UUID specialistId) {
        Specialist specialist = Specialist.findById(specialistId);
        return specialist == null ? null : specialist.name;
    }
}
