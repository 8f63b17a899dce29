package io.consilium.notification.service;

import io.consilium.notification.domain.CaseFile;
import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.DeliveryStatus;
import io.consilium.notification.domain.MessageTexts;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.notification.security.InboxAccess;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The messages people were sent (e-mail, push, inbox), for two readers. A person reads their own in full, subject
 * and body. Ops read everyone's for support, but only the subject and what happened to it: a message's body
 * describes a person's case, and support needs to know whether and when it went, not what it said. The texts are
 * rendered at reading time from the same templates the message was sent with (rows keep no bodies).
 */
@ApplicationScoped
public class MessageHistory {

    /** A message as its recipient reads it. */
    public record Message(UUID id, String eventType, UUID caseId, Channel channel, DeliveryStatus status, boolean urgent,
                          Instant createdAt, Instant deliveredAt, String language, String subject, String body,
                          String shortText) {
    }

    /** A message as ops see it: who, what kind, what happened, the subject; no body. */
    public record Trace(UUID id, String eventType, UUID caseId, String tenant, RecipientKind recipientKind,
                        String recipient, Channel channel, DeliveryStatus status, boolean urgent, int attempts,
                        String lastError, Instant createdAt, Instant deliveredAt, Instant readAt, String language,
                        String subject) {
    }

    /** Ops' filters; null: any. */
    public record Filter(String recipient, UUID caseId, String tenant, Channel channel, DeliveryStatus status) {
    }

    static final List<Channel> PERSONAL = List.of(Channel.EMAIL, Channel.PUSH, Channel.INBOX);
    private static final List<Channel> SENT = List.of(Channel.EMAIL, Channel.PUSH);
    private static final String MINE = "channel in :channels and recipient = :subject"
            + " and ((recipientKind = :specialist and :isSpecialist = true)"
            + " or (recipientKind = :patient and :isPatient = true and tenant = :tenant)"
            + " or (recipientKind = :manager and :isManager = true and tenant = :tenant))";

    private final MessageRenderer renderer;
    private final PersonalPreferences preferences;

    MessageHistory(MessageRenderer renderer, PersonalPreferences preferences) {
        this.renderer = renderer;
        this.preferences = preferences;
    }

    /** The caller's own e-mail and push messages, newest first (the inbox has its own list). */
    public Page<Message> mine(Caller caller, String language, PageRequest page) {
        Parameters p = Parameters.with("channels", SENT).and("subject", caller.subject())
                .and("specialist", RecipientKind.SPECIALIST).and("patient", RecipientKind.PATIENT)
                .and("manager", RecipientKind.MANAGER).and("isSpecialist", caller.is(Roles.SPECIALIST))
                .and("isPatient", caller.is(Roles.PATIENT)).and("isManager", caller.is(Roles.CASE_MANAGER))
                .and("tenant", caller.tenant().orElse(""));
        return Page.of(Delivery.<Delivery>find(MINE, Sort.descending("createdAt").and("id"), p), page)
                .map(d -> message(d, language));
    }

    public Message mine(Caller caller, UUID id, String language) {
        Delivery d = Delivery.findById(id);
        if (d == null || !SENT.contains(d.channel) || !InboxAccess.owns(caller, d)) {
            throw new ProblemException.NotFound("message");
        }
        return message(d, language);
    }

    /** Everyone's messages for ops, newest first, subjects only. */
    public Page<Trace> all(Filter filter, String language, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("channel in :channels"));
        Parameters p = Parameters.with("channels", filter.channel() == null ? PERSONAL : List.of(filter.channel()));
        if (filter.recipient() != null) {
            where.add("recipient = :recipient");
            p.and("recipient", filter.recipient());
        }
        if (filter.caseId() != null) {
            where.add("caseId = :caseId");
            p.and("caseId", filter.caseId());
        }
        if (filter.tenant() != null) {
            where.add("tenant = :tenant");
            p.and("tenant", filter.tenant());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            p.and("status", filter.status());
        }
        var query = Delivery.<Delivery>find(String.join(" and ", where), Sort.descending("createdAt").and("id"), p);
        return Page.of(query, page).map(d -> trace(d, language));
    }

    public Trace one(UUID id, String language) {
        Delivery d = Delivery.findById(id);
        if (d == null || !PERSONAL.contains(d.channel)) {
            throw new ProblemException.NotFound("message");
        }
        return trace(d, language);
    }

    private Message message(Delivery d, String language) {
        String lang = language != null ? language : personsLanguage(d);
        var r = renderer.render(d.eventType, lang, d.caseId, d.payload);
        return new Message(d.id, d.eventType, d.caseId, d.channel, d.status, d.urgent, d.createdAt, d.deliveredAt,
                r.map(MessageRenderer.Rendered::language).orElse(MessageTexts.FALLBACK),
                r.map(MessageRenderer.Rendered::subject).orElse(d.eventType),
                r.map(MessageRenderer.Rendered::text).orElse(null),
                r.map(MessageRenderer.Rendered::shortText).orElse(null));
    }

    private Trace trace(Delivery d, String language) {
        var r = renderer.render(d.eventType, language == null ? MessageTexts.FALLBACK : language, d.caseId, d.payload);
        return new Trace(d.id, d.eventType, d.caseId, d.tenant, d.recipientKind, d.recipient, d.channel, d.status,
                d.urgent, d.attempts, d.lastError, d.createdAt, d.deliveredAt, d.readAt,
                r.map(MessageRenderer.Rendered::language).orElse(MessageTexts.FALLBACK),
                r.map(MessageRenderer.Rendered::subject).orElse(d.eventType));
    }

    /** The person's chosen language, else a patient's case language, else English. */
    private String personsLanguage(Delivery d) {
        String chosen = preferences.of(d.recipientKind, d.recipient).map(p -> p.language).orElse(null);
        if (chosen != null || d.recipientKind != RecipientKind.PATIENT || d.caseId == null) {
            return chosen;
        }
        CaseFile file = CaseFile.findById(d.caseId);
        return file == null ? null : file.language;
    }
}
