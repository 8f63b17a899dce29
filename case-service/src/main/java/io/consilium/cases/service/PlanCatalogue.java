package io.consilium.cases.service;

import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.ReviewDeadlines;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Creates, changes and finds plans; partners only ever see their own tenant's. */
@ApplicationScoped
public class PlanCatalogue {

    private final Clock clock;

    PlanCatalogue(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Plan create(PlanTerms request) {
        if (Plan.count("tenant = ?1 and name = ?2", request.tenant(), request.name()) > 0) {
            throw new ProblemException.Conflict("The tenant already has a plan named '" + request.name() + "'");
        }
        Plan p = new Plan();
        p.id = UUID.randomUUID();
        p.tenant = request.tenant();
        p.createdAt = clock.instant();
        apply(p, request);
        p.persist();
        return p;
    }

    @Transactional
    public Plan update(UUID planId, String ifMatch, PlanTerms request) {
        Plan p = Plan.findById(planId);
        if (p == null) {
            throw new ProblemException.NotFound("Plan " + planId);
        }
        EntityTags.checkIfMatch(ifMatch, p.version);
        if (!p.tenant.equals(request.tenant())) {
            throw new ProblemException.InvalidRequest("A plan cannot move to another tenant",
                    List.of(new Violation("tenant", "must stay " + p.tenant)));
        }
        if (!p.name.equals(request.name())
                && Plan.count("tenant = ?1 and name = ?2", request.tenant(), request.name()) > 0) {
            throw new ProblemException.Conflict("The tenant already has a plan named '" + request.name() + "'");
        }
        apply(p, request);
        Plan.flush();
        return p;
    }

    @Transactional
    public Plan visible(Caller caller, UUID planId) {
        Plan p = Plan.findById(planId);
        if (p == null || !(caller.is(Roles.OPS) || caller.tenant().map(t -> Objects.equals(t, p.tenant)).orElse(false))) {
            throw new ProblemException.NotFound("Plan " + planId);
        }
        return p;
    }

    @Transactional
    public List<Plan> list(Caller caller, String tenant) {
        if (!caller.is(Roles.OPS)) {
            return Plan.list("tenant = ?1 order by name", caller.requireTenant());
        }
        return tenant == null ? Plan.list("order by tenant, name") : Plan.list("tenant = ?1 order by name", tenant);
    }

    private void apply(Plan p, PlanTerms r) {
        p.name = r.name();
        p.coveredSpecialties = List.copyOf(r.coveredSpecialties());
        p.opinionsPerMemberPerYear = r.opinionsPerMemberPerYear();
        p.allowedSpecialistCountries = r.allowedSpecialistCountries() == null ? List.of() : List.copyOf(r.allowedSpecialistCountries());
        p.recordsSlaBusinessDays = r.recordsSlaBusinessDays();
        p.reviewSlaBusinessDays = r.reviewSlaBusinessDays();
        p.holidays = r.holidays() == null ? List.of()
                : r.holidays().stream().distinct().sorted().map(LocalDate::toString).toList();
        p.maxPanelSize = r.maxPanelSize();
        ReviewDeadlines urgent = r.urgent() != null ? r.urgent() : ReviewDeadlines.URGENT_DEFAULT;
        ReviewDeadlines routine = r.routine() != null ? r.routine() : ReviewDeadlines.ROUTINE_DEFAULT;
        ReviewDeadlines.checkLanes(urgent, routine);
        p.urgentAcceptHours = urgent.acceptWithinHours();
        p.urgentReportHours = urgent.reportWithinHours();
        p.routineAcceptHours = routine.acceptWithinHours();
        p.routineReportHours = routine.reportWithinHours();
        p.active = r.active();
        p.updatedAt = clock.instant();
    }
}
