package io.consilium.notification.keycloak;

/** Keycloak could not be asked (down, slow, refused) and nothing was cached: the attempt fails and is retried. */
public class ContactUnavailable extends RuntimeException {

    public ContactUnavailable(String message) {
        super(message);
    }
}
