package io.consilium.specialist.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionCodesTest {

    @Test
    void aRangeCoversItsCategoriesAndTheirSubcodes() {
        List<String> entries = List.of("C60-C63");
        assertThat(ConditionCodes.covers(entries, "C60")).isTrue();
        assertThat(ConditionCodes.covers(entries, "C61")).isTrue();
        assertThat(ConditionCodes.covers(entries, "C61.9")).isTrue();
        assertThat(ConditionCodes.covers(entries, "C63")).isTrue();
        assertThat(ConditionCodes.covers(entries, "C64")).isFalse();
        assertThat(ConditionCodes.covers(entries, "C59.1")).isFalse();
        assertThat(ConditionCodes.covers(entries, "D61")).isFalse();
    }

    @Test
    void aCategoryCoversItsSubcodesButASubcodeOnlyItself() {
        assertThat(ConditionCodes.covers(List.of("C61"), "C61.9")).isTrue();
        assertThat(ConditionCodes.covers(List.of("C61.9"), "C61.9")).isTrue();
        assertThat(ConditionCodes.covers(List.of("C61.9"), "C61")).isFalse();
        assertThat(ConditionCodes.covers(List.of("C61.9"), "C61.1")).isFalse();
        assertThat(ConditionCodes.covers(List.of("C6"), "C61")).isFalse();
    }

    @Test
    void codesAreComparedUpperCaseAndMalformedCodesMatchNothing() {
        assertThat(ConditionCodes.covers(List.of("C61"), "c61")).isTrue();
        assertThat(ConditionCodes.covers(List.of("C60-C63"), "prostate")).isFalse();
        assertThat(ConditionCodes.covers(List.of("C60-C63"), null)).isFalse();
    }

    @Test
    void entriesAreCodesOrAscendingRanges() {
        assertThat(ConditionCodes.isEntry("C61")).isTrue();
        assertThat(ConditionCodes.isEntry("C61.9")).isTrue();
        assertThat(ConditionCodes.isEntry("C60-C63")).isTrue();
        assertThat(ConditionCodes.isEntry("C63-C60")).isFalse();
        assertThat(ConditionCodes.isEntry("C6")).isFalse();
        assertThat(ConditionCodes.isEntry("C60-")).isFalse();
    }
}
