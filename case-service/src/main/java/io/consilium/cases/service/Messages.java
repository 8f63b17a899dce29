package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.CaseMessage;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.security.CaseAccess;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The secure thread between the patient and their personal doctor. Only those two write and read it; every read
 * is audited because messages are clinical content.
 */
@ApplicationScoped
public class Messages {

    private final CaseWorkflow workflow;

    Messages(CaseWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public CaseMessage post(Caller caller, UUID caseId, String body) {
        SmoCase c = workflow.begin(caller, caseId, null, CaseAction.POST_MESSAGE);
        c.check(CaseAction.POST_MESSAGE);
        CaseMessage m = new CaseMessage();
        m.id = UUID.randomUUID();
        m.caseId = c.id;
        m.author = caller.subject();
        m.authorRole = CaseAccess.actorsOf(caller, c).contains(CaseAction.Actor.MANAGER)
                ? Roles.CASE_MANAGER : Roles.PATIENT;
        m.body = body;
        m.createdAt = workflow.now();
        m.persist();
        workflow.audit(caller, c, "POST_MESSAGE", "care");
        return m;
    }

    @Transactional
    public Page<CaseMessage> read(Caller caller, UUID caseId, PageRequest page) {
        // Reading is open to the same parts as writing, in any state (a closed case's thread stays readable).
        SmoCase c = workflow.authorize(caller, caseId, CaseAction.POST_MESSAGE);
        PanacheQuery<CaseMessage> q = CaseMessage.find("caseId", Sort.ascending("createdAt", "id"), c.id);
        workflow.audit(caller, c, "READ_MESSAGES", "care");
        return Page.of(q, page);
    }
}
