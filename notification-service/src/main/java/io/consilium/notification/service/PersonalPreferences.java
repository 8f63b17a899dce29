package io.consilium.notification.service;

import io.consilium.notification.domain.NotificationPreference;
import io.consilium.notification.domain.QuietHours;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Each person's notification preferences, by their token's subject: read and replaced by that person only (there
 * is no path naming anyone else's), and looked up by the dispatchers for the recipient of each message.
 */
@ApplicationScoped
public class PersonalPreferences {

    /** What a replacement asks for, checked here (time zone, times) before anything is stored. */
    public record Choice(boolean email, boolean push, String language, String quietStart, String quietEnd,
                         String quietZone) {
    }

    private final Clock clock;

    PersonalPreferences(Clock clock) {
        this.clock = clock;
    }

    /** The caller's preferences: the stored ones, else the defaults (not stored until they choose). */
    public NotificationPreference mine(Caller caller) {
        return NotificationPreference.<NotificationPreference>findByIdOptional(caller.subject())
                .orElseGet(() -> NotificationPreference.defaults(caller.subject()));
    }

    @Transactional
    public NotificationPreference replace(Caller caller, Choice choice, String ifMatch) {
        QuietHours quiet = quietHours(choice);
        NotificationPreference p = NotificationPreference.findById(caller.subject());
        boolean fresh = p == null;
        if (fresh) {
            p = NotificationPreference.defaults(caller.subject());
        }
        // the defaults are version 0, as the ETag of the first GET says
        EntityTags.checkIfMatch(ifMatch, p.version);
        try {
            p.choose(choice.email(), choice.push(), choice.language(), quiet, clock.instant());
        } catch (IllegalArgumentException e) {
            throw invalid("language", e.getMessage());
        }
        if (fresh) {
            // stored ones start at 1, so an If-Match of the defaults' "0" is stale once someone has chosen
            p.version = 1;
            p.persist();
        }
        return p;
    }

    /** A recipient's choices: persons only (the ops team and partner systems have none). */
    public Optional<NotificationPreference> of(RecipientKind kind, String recipient) {
        if (kind == RecipientKind.OPS || kind == RecipientKind.PARTNER || recipient == null) {
            return Optional.empty();
        }
        return NotificationPreference.findByIdOptional(recipient);
    }

    private static QuietHours quietHours(Choice c) {
        if (c.quietStart() == null && c.quietEnd() == null && c.quietZone() == null) {
            return null;
        }
        LocalTime start = time("quietHours.start", c.quietStart());
        LocalTime end = time("quietHours.end", c.quietEnd());
        ZoneId zone;
        try {
            zone = ZoneId.of(c.quietZone() == null ? "" : c.quietZone());
        } catch (DateTimeException e) {
            throw invalid("quietHours.timeZone", "must be an IANA time zone such as Europe/Madrid");
        }
        try {
            return new QuietHours(start, end, zone);
        } catch (IllegalArgumentException e) {
            throw invalid("quietHours.end", "must differ from start");
        }
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            throw invalid(field, "must be given with the other quiet hours fields");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw invalid(field, "must be a time of day such as 22:00");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException.InvalidRequest("The request has 1 invalid field(s)",
                List.of(new Violation(field, message)));
    }
}
