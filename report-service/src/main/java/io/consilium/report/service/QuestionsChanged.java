package io.consilium.report.service;

import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.report.domain.AnswerCoverage;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.Report;
import io.consilium.report.domain.ReportState;
import io.consilium.report.events.ReportEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A newer brief after reports were submitted (issue 12): the personal doctor may still add or reword the
 * patient's questions while the review runs. A submitted or approved report that has no answer to a question of
 * the new brief, or answered one that was reworded since, goes back to its specialist (CHANGES_REQUESTED) and
 * {@code consilium.report.reopened.v1} tells the specialist and case-service which questions to answer. A
 * released report is never changed: the change is logged, and the patient asks what is left as a follow-up
 * question (an addendum).
 */
@ApplicationScoped
public class QuestionsChanged {

    private static final Logger LOG = Logger.getLogger(QuestionsChanged.class);

    private final Outbox outbox;
    private final Clock clock;

    QuestionsChanged(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** In the consumer's transaction, after {@code file} took the new brief. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopenReportsLacking(CaseFile file, CaseFile.BriefChange change) {
        if (!change.kept() || file.cancelled()) {
            return;
        }
        List<String> questions = file.questionIds();
        Instant now = clock.instant();
        for (Report r : Report.ofCase(file.caseId)) {
            if (r.latestVersion == 0) {
                continue; // never submitted: its submission is checked against the new brief
            }
            List<String> unanswered = AnswerCoverage.unanswered(ReportSteps.latestSubmitted(r), questions);
            List<String> toAnswer = questions.stream()
                    .filter(q -> unanswered.contains(q) || change.newOrReworded().contains(q)).toList();
            if (toAnswer.isEmpty()) {
                continue;
            }
            if (r.state == ReportState.RELEASED) {
                LOG.infof("Report %s of case %s is released; questions %s of a later brief are left to follow-up "
                        + "questions", r.id, r.caseId, toAnswer);
                continue;
            }
            if (r.reopenForQuestions(toAnswer, now)) {
                outbox.append(new OutgoingEvent(ReportEvents.TOPIC, ReportEvents.REOPENED, r.caseId.toString(),
                        file.tenant, new ReportEvents.Reopened(r.caseId, file.tenant, r.id, r.latestVersion,
                        r.specialistSubject, ReportEvents.Reopened.QUESTIONS_CHANGED, toAnswer, now)));
            }
        }
    }
}
