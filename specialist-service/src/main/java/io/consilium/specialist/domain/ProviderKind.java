package io.consilium.specialist.domain;

/** An in-network provider is a place (hospital, clinic) or a doctor. */
public enum ProviderKind {
    FACILITY, DOCTOR
}
