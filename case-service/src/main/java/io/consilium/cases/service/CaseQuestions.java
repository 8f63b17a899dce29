package io.consilium.cases.service;

import io.consilium.cases.domain.AgeBand;
import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.QuestionEdit;
import io.consilium.cases.domain.ReasonCode;
import io.consilium.cases.domain.Sex;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.domain.StandardQuestion;
import io.consilium.cases.events.BriefChanged;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.security.CaseAccess;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The patient's questions and reasons and the personal doctor's background for the brief (issue 12). Each change
 * is audited; once the brief has gone to the specialists, each change publishes it again
 * ({@code consilium.case.brief-changed.v1}), which also puts the change in the case's timeline.
 */
@ApplicationScoped
public class CaseQuestions {

    private final CaseWorkflow workflow;

    CaseQuestions(CaseWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public SmoCase rewrite(Caller caller, UUID caseId, String ifMatch, List<ReasonCode> reasons,
                           List<StandardQuestion> questions, List<QuestionEdit.Draft> own) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.EDIT_QUESTIONS);
        // a caller who is both (never in practice) edits as the doctor, the wider right
        CaseAction.Actor by = CaseAccess.actorsOf(caller, c).contains(CaseAction.Actor.MANAGER)
                ? CaseAction.Actor.MANAGER : CaseAction.Actor.PATIENT;
        Instant now = workflow.now();
        c.rewriteQuestions(by, reasons, questions, own, now);
        republish(c, now);
        workflow.audit(caller, c, "EDIT_QUESTIONS", by == CaseAction.Actor.PATIENT ? "intake" : "care");
        return c;
    }

    @Transactional
    public SmoCase translate(Caller caller, UUID caseId, String ifMatch, UUID questionId, String language,
                             String text) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.TRANSLATE_QUESTION);
        Instant now = workflow.now();
        c.translateQuestion(questionId, language, text, now);
        republish(c, now);
        workflow.audit(caller, c, "TRANSLATE_QUESTION", "care");
        return c;
    }

    @Transactional
    public SmoCase describeBackground(Caller caller, UUID caseId, String ifMatch, String history, AgeBand ageBand,
                                      Sex sex) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.DESCRIBE_BACKGROUND);
        Instant now = workflow.now();
        c.describeBackground(history, ageBand, sex, now);
        republish(c, now);
        workflow.audit(caller, c, "DESCRIBE_BACKGROUND", "care");
        return c;
    }

    /** Before the first review request nobody outside the case has the brief, so nothing is published. */
    private void republish(SmoCase c, Instant now) {
        if (c.briefSharedAt != null) {
            workflow.publish(c, CaseEvents.BRIEF_CHANGED, BriefChanged.of(c, now));
        }
    }
}
