package io.consilium.layoutsample.service;

import io.vertx.ext.web.Router;

/** Breaks the layout on purpose: Vert.x routes outside api/ (never installed: no @Observes). */
public class SampleRoutes {
    void install(Router router) {
        router.get("/sample");
    }
}
