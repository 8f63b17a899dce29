package io.consilium.notification.domain;

/** How a person or a partner system is told. */
public enum Channel {
    EMAIL, INBOX, PUSH, WEBHOOK
}
