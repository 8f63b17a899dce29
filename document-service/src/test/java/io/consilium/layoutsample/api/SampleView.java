package io.consilium.layoutsample.api;

/** A response record of the api layer; the domain class next door must not know it. */
public record SampleView(String name) {
}
