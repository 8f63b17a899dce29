package io.consilium.specialist.consumers;

/** An event of a known type whose payload breaks the contract: retrying cannot help, it goes to the DLQ. */
public class InvalidEvent extends RuntimeException {

    public InvalidEvent(String message) {
        super(message);
    }

    public InvalidEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
