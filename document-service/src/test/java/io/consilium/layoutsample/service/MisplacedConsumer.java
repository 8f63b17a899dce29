package io.consilium.layoutsample.service;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;

/** Breaks the layout on purpose: an event consumer outside consumers/. */
public class MisplacedConsumer implements EventConsumer {
    @Override
    public String name() {
        return "sample";
    }

    @Override
    public boolean handles(String type) {
        return false;
    }

    @Override
    public void apply(Delivery delivery) {
    }
}
