package io.consilium.notification.api;

import io.consilium.notification.domain.DeviceToken;

import java.time.Instant;
import java.util.UUID;

/** A registered device; the token itself is not shown again, only its last characters. */
public record DeviceView(UUID id, DeviceToken.Platform platform, String description, String tokenEnd, Instant createdAt) {

    static DeviceView of(DeviceToken d) {
        return new DeviceView(d.id, d.platform, d.description, d.tokenEnd(), d.createdAt);
    }
}
