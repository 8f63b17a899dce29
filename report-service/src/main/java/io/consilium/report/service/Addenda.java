package io.consilium.report.service;

import io.consilium.platform.problem.ProblemException;
import io.consilium.report.domain.FollowUpQuestion;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.events.ReportEvents;
import io.consilium.report.security.ReportAccess.Relation;
import io.consilium.report.service.ReportWorkflow.Visible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** Follow-up questions of the patient after release, answered by the writing specialist as addenda. */
@ApplicationScoped
public class Addenda {

    private final ReportWorkflow workflow;

    Addenda(ReportWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public FollowUpQuestion ask(UUID reportId, String question) {
        Visible v = workflow.forStep(reportId, null, EnumSet.of(Relation.PATIENT), "ASK");
        // Serialise the questions of one case, so the limit of three holds under concurrent requests.
        io.consilium.report.domain.CaseFile.findById(v.report().caseId, LockModeType.PESSIMISTIC_WRITE);
        long asked = FollowUpQuestion.count("caseId", v.report().caseId);
        FollowUpQuestion q = FollowUpQuestion.ask(v.report(), question, workflow.caller().subject(), asked,
                workflow.now());
        q.persist();
        workflow.audited(v, "ASK_FOLLOW_UP");
        return q;
    }

    @Transactional
    public ReportVersion answer(UUID reportId, UUID questionId, String answer) {
        Visible v = workflow.forStep(reportId, null, EnumSet.of(Relation.WRITER), "ANSWER");
        FollowUpQuestion q = FollowUpQuestion.findById(questionId, LockModeType.PESSIMISTIC_WRITE);
        if (q == null || !q.reportId.equals(reportId)) {
            throw new ProblemException.NotFound("Follow-up question");
        }
        ReportVersion version = q.answer(v.report(), answer, workflow.now());
        version.createdByName = v.report().authorNameNow(workflow.caller().displayName().orElse(null));
        version.persist();
        workflow.audited(v, "ADD_ADDENDUM");
        workflow.publish(v.file(), v.report().caseId, ReportEvents.ADDENDUM_ADDED, new ReportEvents.AddendumAdded(
                v.report().caseId, ReportWorkflow.tenantOf(v.file()), reportId, version.number,
                v.report().specialistSubject, version.createdByName, workflow.now()));
        return version;
    }

    @Transactional
    public List<FollowUpQuestion> questions(UUID reportId) {
        Visible v = workflow.visible(reportId, null, false);
        workflow.audited(v, "READ_FOLLOW_UPS");
        return FollowUpQuestion.ofReport(reportId);
    }
}
