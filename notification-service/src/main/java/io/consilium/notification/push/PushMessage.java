package io.consilium.notification.push;

import java.util.Map;

/** One push to one device: its registration token, the title and text shown, and data for the app (ids only). */
public record PushMessage(String token, String title, String body, Map<String, String> data) {
}
