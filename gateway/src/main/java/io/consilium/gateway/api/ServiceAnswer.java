package io.consilium.gateway.api;

import io.consilium.gateway.service.FetchedPart;
import jakarta.ws.rs.core.Response;

/** A service's refusal of an aggregate's leading part, passed on word for word (its status and problem body). */
final class ServiceAnswer {

    private ServiceAnswer() {
    }

    static Response of(FetchedPart refused) {
        return Response.status(refused.status())
                .type(refused.contentType() == null ? "application/problem+json" : refused.contentType())
                .entity(refused.raw()).build();
    }
}
