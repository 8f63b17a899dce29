package io.consilium.cases.api;

import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.security.CaseAccess;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.security.Caller;
import jakarta.ws.rs.core.Response;

/** The answer to every call that changes a case: the case as the caller may see it, with its new ETag. */
final class CaseAnswers {

    private CaseAnswers() {
    }

    static Response changed(Caller caller, SmoCase c) {
        return Response.ok(CaseView.of(c, CaseAccess.of(caller, c))).tag(EntityTags.of(c.version)).build();
    }
}
