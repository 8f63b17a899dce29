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

/** Loads what {@link Eligibility} needs for a case: the roster line, the plan, the opinions used this year. */
@ApplicationScoped
public class EligibilityCheck {

    public Eligibility.Decision check(SmoCase c, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        RosterMember member = RosterMember.findById(new RosterMember.Key(c.tenant, c.memberId));
        Plan plan = member == null ? null : Plan.findById(member.planId);
        Instant yearStart = LocalDate.of(today.getYear(), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long used = SmoCase.count("tenant = ?1 and memberId = ?2 and submittedAt >= ?3 and id <> ?4 and state not in ?5",
                c.tenant, c.memberId, yearStart, c.id, List.of(CaseState.REJECTED, CaseState.CANCELLED, CaseState.DRAFT));
        return Eligibility.check(member, plan, c.requestedSpecialty, used, today);
    }
}
