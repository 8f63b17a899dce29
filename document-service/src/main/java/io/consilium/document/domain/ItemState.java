package io.consilium.document.domain;

/** A checklist item's state: nothing yet, a document received, accepted or rejected by the case manager. */
public enum ItemState {
    PENDING, RECEIVED, ACCEPTED, REJECTED;

    /** A new document may arrive for any item that is not accepted yet (a rejected one needs a replacement). */
    public boolean mayReceive() {
        return this != ACCEPTED;
    }

    /** Only a received document can be reviewed; an accepted one may still be rejected later. */
    public boolean mayReview() {
        return this == RECEIVED || this == ACCEPTED;
    }
}
