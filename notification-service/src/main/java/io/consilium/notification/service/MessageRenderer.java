package io.consilium.notification.service;

import io.consilium.notification.config.EmailSettings;
import io.consilium.notification.domain.MessageTexts;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a message with Qute: the event's texts in the recipient's language (English when not offered), put into
 * the e-mail layouts ({@code templates/email.html}, escaped, and {@code templates/email.txt}), plus the short text
 * for push and the inbox. The data is the case's short reference, its link in the app and an SLA status; never a
 * name or clinical content.
 */
@ApplicationScoped
public class MessageRenderer {

    /** One message, ready to send. */
    public record Rendered(String language, String subject, String text, String html, String shortText) {
    }

    private final Engine engine;
    private final Template html;
    private final Template text;
    private final MessageTexts texts = new MessageTexts();
    private final String appUrl;
    private final Map<String, io.quarkus.qute.Template> parsed = new ConcurrentHashMap<>();

    MessageRenderer(Engine engine, @Location("email.html") Template html, @Location("email.txt") Template text,
                    EmailSettings settings) {
        this.engine = engine;
        this.html = html;
        this.text = text;
        this.appUrl = settings.appUrl();
    }

    public boolean has(String eventType) {
        return texts.has(eventType);
    }

    /** @return the message, or empty when the event has no texts (it is not one people are told about) */
    public Optional<Rendered> render(String eventType, String requestedLanguage, UUID caseId, String slaStatus) {
        if (!texts.has(eventType)) {
            return Optional.empty();
        }
        String language = MessageTexts.language(requestedLanguage);
        String caseRef = caseId == null ? "-" : caseId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String link = caseId == null ? appUrl : appUrl + "/cases/" + caseId;
        String status = slaStatus == null ? "" : texts.word(language, "status." + slaStatus).orElse("");
        // detail as given: an ops notice's service and consumer (codes, never a person's data)
        Map<String, Object> data = Map.of("caseRef", caseRef, "link", link, "status", status,
                "detail", slaStatus == null ? "" : slaStatus);
        String subject = part(language, eventType, MessageTexts.Part.SUBJECT, data);
        String body = part(language, eventType, MessageTexts.Part.BODY, data);
        String shortText = part(language, eventType, MessageTexts.Part.SHORT, data);
        Map<String, Object> layout = Map.of("lang", language, "subject", subject, "body", body, "link", link,
                "greeting", texts.word(language, "greeting").orElse(""), "footer", texts.word(language, "footer").orElse(""));
        return Optional.of(new Rendered(language, subject, text.data(layout).render(), html.data(layout).render(),
                shortText));
    }

    private String part(String language, String eventType, MessageTexts.Part part, Map<String, Object> data) {
        String source = texts.text(language, eventType, part).orElseThrow();
        Template template = parsed.computeIfAbsent(language + "|" + eventType + "|" + part, k -> engine.parse(source));
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }
}
