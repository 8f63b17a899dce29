package io.consilium.specialist.service;

import io.consilium.platform.problem.ProblemException;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.domain.Ranking;
import io.consilium.specialist.domain.ReviewRequest;
import io.consilium.specialist.domain.SpecialistRanking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;

/** The ranking ops look at: for a case's panel request, or for a request they describe (a preview). */
@ApplicationScoped
public class RankingQuery {

    private final CandidatePool pool;
    private final Clock clock;

    RankingQuery(CandidatePool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The current ranking for a case: specialists invited before are shown as excluded (ALREADY_INVITED). */
    @Transactional
    public Ranking forCase(UUID caseId) {
        PanelRequest panel = PanelRequest.findById(caseId);
        if (panel == null) {
            throw new ProblemException.NotFound("Panel request of case " + caseId);
        }
        var invited = Invitation.ofCase(caseId).stream().map(i -> i.specialistId).collect(Collectors.toSet());
        return rank(panel.toReviewRequest(invited));
    }

    @Transactional
    public Ranking rank(ReviewRequest request) {
        return SpecialistRanking.rank(request, pool.ofSpecialty(request.specialty()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
