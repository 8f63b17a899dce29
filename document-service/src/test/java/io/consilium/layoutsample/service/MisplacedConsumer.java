package io.consilium.layoutsample.service;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.EventConsumer;

/** Breaks the layout on purpose: an event consumer outside consumers/. */
public class MisplacedConsumer implements EventConsumer {
    @Override
    public String name() {
        return "sample";
    }

    @Override
    public void apply(IncomingEvent event, String payload) {
    }
}
