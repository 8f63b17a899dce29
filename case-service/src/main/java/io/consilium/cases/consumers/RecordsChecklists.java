package io.consilium.cases.consumers;

import io.consilium.cases.domain.RecordsChecklist;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.service.CaseWorkflow;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps each case's records checklist as document-service publishes it ({@code checklist-changed}), once per
 * event (the inbox check is {@code IncomingRecords}') and only the highest revision, so "records complete" can be refused while items are open.
 */
@ApplicationScoped
public class RecordsChecklists {

    static final String CHECKLIST_CHANGED = "consilium.document.checklist-changed.v1";
    private static final Logger LOG = Logger.getLogger(RecordsChecklists.class);

    /** The fields of document-service's {@code ChecklistChanged} this service reads. */
    record ChecklistChanged(@NotNull Long revision, @NotNull Boolean complete,
                            @NotNull List<@NotNull @Valid OpenItem> openItems, List<String> waivedItems,
                            @NotNull Instant changedAt) {
    }

    record OpenItem(@NotBlank String code, @NotBlank String state) {
    }

    private final CaseWorkflow workflow;

    RecordsChecklists(CaseWorkflow workflow) {
        this.workflow = workflow;
    }

    public void apply(Delivery delivery) {
        IncomingEvent event = delivery.event();
        ChecklistChanged changed = delivery.payload(ChecklistChanged.class);
        UUID caseId = delivery.caseId();
        // the case row's lock orders this against a records completion of the same case
        SmoCase c = SmoCase.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            LOG.warnf("Event %s names an unknown case", event.id());
            return;
        }
        IncomingTenant.requireTenant(event, c.tenant);
        RecordsChecklist kept = RecordsChecklist.findById(caseId);
        boolean first = kept == null;
        if (first) {
            kept = new RecordsChecklist();
            kept.caseId = caseId;
            kept.tenant = c.tenant;
        }
        kept.advance(changed.revision(), changed.complete(),
                changed.openItems().stream().map(i -> new RecordsChecklist.OpenItem(i.code(), i.state())).toList(),
                changed.waivedItems() == null ? List.of() : changed.waivedItems(), changed.changedAt(), workflow.now());
        if (first) {
            kept.persist(); // after advance: the insert carries the state as it is now
        }
    }
}
