package io.consilium.specialist.domain;

/** Where a case's panel stands. */
public enum PanelState {
    /** Seats are being filled: invitations are out or about to be. */
    OPEN,
    /** Every seat accepted; {@code panel-assembled} was published. */
    ASSEMBLED,
    /** Nobody pending and no candidate left for the free seats; ops were alerted with {@code no-candidate}. */
    UNFILLED,
    /** The case was cancelled: pending invitations withdrawn, capacity released. */
    CANCELLED,
    /** The case ended: capacity released. */
    CLOSED;

    /** Whether ops (or a decline, or an expiry) may still add invitations. */
    public boolean acceptsInvitations() {
        return this == OPEN || this == UNFILLED;
    }
}
