package io.consilium.notification.service;

import java.util.List;
import java.util.UUID;

/** In-app inbox items written in a transaction; announced on the live stream after its commit. */
public record InboxItemsCreated(List<UUID> ids) {
}
