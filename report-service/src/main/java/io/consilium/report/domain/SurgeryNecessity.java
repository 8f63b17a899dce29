package io.consilium.report.domain;

public enum SurgeryNecessity {
    YES, NO, UNCERTAIN
}
