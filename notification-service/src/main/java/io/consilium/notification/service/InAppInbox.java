package io.consilium.notification.service;

import io.consilium.notification.domain.CaseFile;
import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.notification.security.InboxAccess;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The in-app inbox of each person (and of the ops team): the INBOX channel's delivery rows, listed newest first,
 * counted unread, marked read, and announced on a live stream after the transaction that wrote them commits. The
 * short text is rendered at reading time in the language the app asks for (else the person's preference, else the
 * case's for a patient, else English).
 */
@ApplicationScoped
public class InAppInbox {

    /** One inbox item as the apps show it. */
    public record Item(UUID id, String eventType, UUID caseId, boolean urgent, Instant createdAt, Instant readAt,
                       String language, String text) {
    }

    private static final String MINE = "channel = :channel and ((recipientKind = :ops and :isOps = true)"
            + " or (recipient = :subject and recipientKind <> :ops and recipientKind <> :partner"
            + " and ((recipientKind = :specialist and :isSpecialist = true)"
            + " or (recipientKind = :patient and :isPatient = true and tenant = :tenant)"
            + " or (recipientKind = :manager and :isManager = true and tenant = :tenant))))";

    private final MessageRenderer renderer;
    private final Clock clock;
    private final BroadcastProcessor<Delivery> fresh = BroadcastProcessor.create();

    private final PersonalPreferences preferences;

    InAppInbox(MessageRenderer renderer, Clock clock, PersonalPreferences preferences) {
        this.preferences = preferences;
        this.renderer = renderer;
        this.clock = clock;
    }

    private static Parameters mine(Caller caller) {
        return Parameters.with("channel", Channel.INBOX).and("ops", RecipientKind.OPS)
                .and("partner", RecipientKind.PARTNER).and("specialist", RecipientKind.SPECIALIST)
                .and("patient", RecipientKind.PATIENT).and("manager", RecipientKind.MANAGER)
                .and("isOps", caller.is(Roles.OPS)).and("isSpecialist", caller.is(Roles.SPECIALIST))
                .and("isPatient", caller.is(Roles.PATIENT)).and("isManager", caller.is(Roles.CASE_MANAGER))
                .and("subject", caller.subject()).and("tenant", caller.tenant().orElse(""));
    }

    public Page<Item> list(Caller caller, String language, PageRequest page) {
        var query = Delivery.<Delivery>find(MINE, Sort.descending("createdAt").and("id"), mine(caller));
        return Page.of(query, page).map(d -> item(d, language));
    }

    public long unread(Caller caller) {
        return Delivery.count(MINE + " and readAt is null", mine(caller));
    }

    @Transactional
    public void read(Caller caller, UUID id) {
        Delivery item = Delivery.findById(id);
        if (item == null || item.channel != Channel.INBOX || !InboxAccess.owns(caller, item)) {
            throw new ProblemException.NotFound("notification");
        }
        item.read(clock.instant());
    }

    @Transactional
    public int readAll(Caller caller) {
        Instant now = clock.instant();
        List<Delivery> unread = Delivery.list(MINE + " and readAt is null", mine(caller));
        unread.forEach(d -> d.read(now));
        return unread.size();
    }

    /** New items of the caller from now on (the stream ends with the connection). */
    public Multi<Item> stream(Caller caller, String language) {
        return fresh.filter(d -> InboxAccess.owns(caller, d)).map(d -> item(d, language));
    }

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxItemsCreated created) {
        List<Delivery> items = QuarkusTransaction.requiringNew().call(() -> Delivery.list("id in ?1", created.ids()));
        items.forEach(fresh::onNext);
    }

    private Item item(Delivery d, String language) {
        String lang = language;
        if (lang == null) {
            // the person's own choice, else a patient's case language; the live stream maps items on the
            // committing thread, outside any request: read in a transaction
            lang = QuarkusTransaction.joiningExisting().call(() -> {
                String chosen = preferences.of(d.recipientKind, d.recipient).map(p -> p.language).orElse(null);
                if (chosen != null || d.recipientKind != RecipientKind.PATIENT || d.caseId == null) {
                    return chosen;
                }
                CaseFile file = CaseFile.findById(d.caseId);
                return file == null ? null : file.language;
            });
        }
        var rendered = renderer.render(d.eventType, lang, d.caseId, d.payload);
        return new Item(d.id, d.eventType, d.caseId, d.urgent, d.createdAt, d.readAt,
                rendered.map(MessageRenderer.Rendered::language).orElse("en"),
                rendered.map(MessageRenderer.Rendered::shortText).orElse(d.eventType));
    }
}
