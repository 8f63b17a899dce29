package io.consilium.layoutsample.domain;

import io.consilium.layoutsample.api.SampleView;

/** Breaks the layout on purpose: a domain class that knows an api record and Vert.x. */
public class SampleEntity {
    SampleView view;
    io.vertx.core.Vertx vertx;
}
