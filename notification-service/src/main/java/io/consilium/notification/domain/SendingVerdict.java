package io.consilium.notification.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a person's message is sent now, waits for the end of their quiet hours, or is not sent at all because
 * they turned its channel off. Judged when the message is about to go, not when the event arrived, so a choice
 * made in between counts. Urgent messages (a breached deadline, a route marked urgent) never wait; a channel
 * turned off stays off for them too.
 */
public record SendingVerdict(Kind kind, Instant waitUntil) {

    public enum Kind { SEND, WAIT, CHANNEL_OFF }

    public static final SendingVerdict SEND = new SendingVerdict(Kind.SEND, null);
    public static final SendingVerdict CHANNEL_OFF = new SendingVerdict(Kind.CHANNEL_OFF, null);

    /**
     * @param preference the recipient's choices, empty for the defaults (and for the ops team, which has none)
     */
    public static SendingVerdict judge(Optional<NotificationPreference> preference, Channel channel, boolean urgent,
                                       Instant now) {
        if (preference.isEmpty()) {
            return SEND;
        }
        NotificationPreference p = preference.get();
        if (!p.enabled(channel)) {
            return CHANNEL_OFF;
        }
        if (urgent || channel == Channel.INBOX) {
            // the inbox interrupts nobody: an item waits for the app to be opened anyway
            return SEND;
        }
        return p.quietHours().flatMap(q -> q.endOfQuietPeriod(now))
                .map(end -> new SendingVerdict(Kind.WAIT, end)).orElse(SEND);
    }
}
