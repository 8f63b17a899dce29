package io.consilium.specialist.domain;

import java.util.regex.Pattern;

/**
 * One seat of a panel, numbered from 1: the specialty its specialist must have and, optionally, its focus, an
 * ICD-10 code (scored like the case's diagnosis) or a subspecialty slug (scored like the requested subspecialty).
 * Each seat is ranked and filled on its own; a decline or an expiry frees that seat only.
 */
public record Seat(int number, String specialty, String focus) {

    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

    public boolean focusIsCondition() {
        return focus != null && ICD10.matcher(focus).matches();
    }

    public boolean focusIsSubspecialty() {
        return focus != null && !focusIsCondition();
    }
}
