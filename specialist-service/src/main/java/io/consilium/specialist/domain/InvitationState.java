package io.consilium.specialist.domain;

import java.util.Map;
import java.util.Set;

/** The life of an invitation; {@link #mayMoveTo} is the whole transition table. */
public enum InvitationState {
    INVITED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, RELEASED;

    private static final Map<InvitationState, Set<InvitationState>> NEXT = Map.of(
            INVITED, Set.of(ACCEPTED, DECLINED, EXPIRED, WITHDRAWN),
            ACCEPTED, Set.of(RELEASED),
            DECLINED, Set.of(),
            EXPIRED, Set.of(),
            WITHDRAWN, Set.of(),
            RELEASED, Set.of());

    public boolean mayMoveTo(InvitationState next) {
        return NEXT.get(this).contains(next);
    }
}
