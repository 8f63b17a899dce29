package io.consilium.cases.domain;

/** How soon the patient needs the opinion; URGENT cases go first in every queue. */
public enum Urgency {
    ROUTINE, URGENT
}
