package io.consilium.cases.events;

/** Topic and CloudEvents types case-service publishes ({@code docs/events.md}). */
public final class CaseEvents {

    public static final String TOPIC = "consilium.case.events";
    public static final String SUBMITTED = "consilium.case.submitted.v1";

    private CaseEvents() {
    }
}
