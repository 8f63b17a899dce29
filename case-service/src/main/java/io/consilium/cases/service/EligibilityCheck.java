package io.consilium.cases.service;

import io.consilium.cases.domain.CaseState;
import io.consilium.cases.domain.Eligibility;
import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.RosterMember;
import io.consilium.cases.domain.SmoCase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Loads what {@link Eligibility} needs for a case: the roster line, the plan, the opinions used this year. */
@ApplicationScoped
public class EligibilityCheck {

    /** At submission: the case itself does not count against the quota. */
    public Eligibility.Decision check(SmoCase c, Instant now) {
        return check(c.tenant, c.memberId, c.requestedSpecialty, c.id, now);
    }

    /**
     * At opening, before the case exists: the same rules, so the partner or patient learns at once why a member
     * cannot have this opinion instead of from a REJECTED case after submitting it.
     */
    public Eligibility.Decision checkNew(String tenant, String memberId, String specialty, Instant now) {
        return check(tenant, memberId, specialty, null, now);
    }

    private Eligibility.Decision check(String tenant, String memberId, String specialty, UUID exclude, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        RosterMember member = RosterMember.findById(new RosterMember.Key(tenant, memberId));
        Plan plan = member == null ? null : Plan.findById(member.planId);
        Instant yearStart = LocalDate.of(today.getYear(), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<CaseState> notCounted = List.of(CaseState.REJECTED, CaseState.CANCELLED, CaseState.DRAFT);
        long used = exclude == null
                ? SmoCase.count("tenant = ?1 and memberId = ?2 and submittedAt >= ?3 and state not in ?4",
                        tenant, memberId, yearStart, notCounted)
                : SmoCase.count("tenant = ?1 and memberId = ?2 and submittedAt >= ?3 and id <> ?4 and state not in ?5",
                        tenant, memberId, yearStart, exclude, notCounted);
        return Eligibility.check(member, plan, specialty, used, today);
    }
}
