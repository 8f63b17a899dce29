package io.consilium.notification.api;

import io.consilium.notification.domain.NotificationPreference;

import java.time.Instant;

/** My notification preferences as stored (or the defaults before I chose). */
public record PreferencesView(boolean email, boolean push, boolean inbox, String language, QuietHoursView quietHours,
                              Instant updatedAt, long version) {

    public record QuietHoursView(String start, String end, String timeZone) {
    }

    static PreferencesView of(NotificationPreference p) {
        QuietHoursView quiet = p.quietHours().map(q -> new QuietHoursView(q.start().toString(), q.end().toString(),
                q.zone().getId())).orElse(null);
        return new PreferencesView(p.emailEnabled, p.pushEnabled, true, p.language, quiet, p.updatedAt, p.version);
    }
}
