package io.consilium.platform.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer under {@code /api/} may carry clinical content (cases, reports, PDFs, FHIR exports, documents,
 * problems naming a case), so none may be kept by a browser or proxy cache or sniffed into another type:
 * {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}, unless the endpoint set its own
 * cache policy. A Vert.x handler rather than a JAX-RS filter, so that answers of plain Vert.x routes (tus uploads)
 * and refusals written before the REST layer (413) get them too.
 */
@ApplicationScoped
public class ClinicalResponseHeaders {

    static final String API_PREFIX = "/api/";

    void install(@Observes Router router) {
        router.route().order(-2000).handler(ctx -> {
            if (ctx.request().path() != null && ctx.request().path().startsWith(API_PREFIX)) {
                ctx.addHeadersEndHandler(v -> {
                    MultiMap headers = ctx.response().headers();
                    if (!headers.contains("Cache-Control")) {
                        headers.set("Cache-Control", "no-store");
                    }
                    headers.set("X-Content-Type-Options", "nosniff");
                });
            }
            ctx.next();
        });
    }
}
