package io.consilium.notification.keycloak;

/** A person's e-mail address and, when their account says so, their language. */
public record Contact(String email, String locale) {
}
