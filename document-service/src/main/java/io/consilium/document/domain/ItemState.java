package io.consilium.document.domain;

/**
 * A checklist item's state: nothing yet, a document (or specimen) received, accepted or rejected by the case
 * manager, or waived by the case manager with a reason (not needed for this case after all).
 */
public enum ItemState {
    PENDING, RECEIVED, ACCEPTED, REJECTED, WAIVED;

    /** A new document may arrive for any item that is not accepted yet (a rejected one needs a replacement). */
    public boolean mayReceive() {
        return this != ACCEPTED;
    }

    /** Only a received document can be reviewed; an accepted one may still be rejected later. */
    public boolean mayReview() {
        return this == RECEIVED || this == ACCEPTED;
    }

    /** Waiving is for what is still missing or unusable; an accepted item is there, a waived one waived already. */
    public boolean mayWaive() {
        return this == PENDING || this == REJECTED || this == RECEIVED;
    }

    /** What no longer holds the records back: accepted, or waived with a reason. */
    public boolean settled() {
        return this == ACCEPTED || this == WAIVED;
    }
}
