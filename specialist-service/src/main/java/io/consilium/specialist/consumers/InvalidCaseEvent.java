package io.consilium.specialist.consumers;

/** A case event of a known type whose payload breaks the contract: retrying cannot help, it goes to the DLQ. */
public class InvalidCaseEvent extends RuntimeException {

    public InvalidCaseEvent(String message) {
        super(message);
    }

    public InvalidCaseEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
