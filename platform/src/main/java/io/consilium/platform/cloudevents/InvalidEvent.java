package io.consilium.platform.cloudevents;

/**
 * An event of a handled type whose payload breaks the contract: retrying cannot help, so the consumer plumbing
 * files it as a dead letter at once.
 */
public class InvalidEvent extends RuntimeException {

    public InvalidEvent(String message) {
        super(message);
    }

    public InvalidEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
