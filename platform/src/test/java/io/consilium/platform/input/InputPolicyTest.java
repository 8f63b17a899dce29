package io.consilium.platform.input;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputPolicyTest {

    @Test
    void nulAndControlsAreRefusedEverywhere() {
        for (String bad : new String[]{"a\u0000b", "a\u001Bb", "bell\u0007", "del\u007F", "c1\u0085"}) {
            assertThat(InputPolicy.refusal(bad, TextKind.NAME)).isPresent();
            assertThat(InputPolicy.refusal(bad, TextKind.FREE_TEXT)).isPresent();
        }
        assertThat(InputPolicy.refusal("a\u0000b", TextKind.FREE_TEXT)).hasValue("must not contain NUL (U+0000 at position 1)");
    }

    @Test
    void tabAndLineBreaksOnlyInFreeText() {
        assertThat(InputPolicy.refusal("line one\r\nline\ttwo", TextKind.FREE_TEXT)).isEmpty();
        assertThat(InputPolicy.refusal("two\nlines", TextKind.NAME)).isPresent();
    }

    @Test
    void bidiOverridesAreRefusedEverywhereIsolatesAndMarksInNames() {
        assertThat(InputPolicy.refusal("Ann\u202Eanimal", TextKind.NAME)).isPresent();
        assertThat(InputPolicy.refusal("Ann\u202Eanimal", TextKind.FREE_TEXT)).isPresent();
        assertThat(InputPolicy.refusal("\u2067\u05E9\u05DC\u05D5\u05DD\u2069 ok", TextKind.FREE_TEXT)).isEmpty();
        assertThat(InputPolicy.refusal("\u2067x\u2069", TextKind.NAME)).isPresent();
        assertThat(InputPolicy.refusal("x\u200F", TextKind.NAME)).isPresent();
        assertThat(InputPolicy.refusal("x\u061C", TextKind.NAME)).isPresent();
    }

    @Test
    void noncharactersAndUnpairedSurrogatesAreRefused() {
        for (String bad : new String[]{"\uFFFF", "\uFFFE", "\uFDD0", "\uFDEF", "\uD83F\uDFFF", "x\uD800", "\uDC00y"}) {
            assertThat(InputPolicy.refusal(bad, TextKind.FREE_TEXT)).as(bad).isPresent();
        }
        assertThat(InputPolicy.refusal("emoji \uD83D\uDE00 and \u00E9", TextKind.NAME)).isEmpty();
    }

    @Test
    void acceptedTextComesBackInNfc() {
        assertThat(InputPolicy.check("name", "Jose\u0301", TextKind.NAME)).isEqualTo("Jos\u00E9");
        assertThat(InputPolicy.check("name", null, TextKind.NAME)).isNull();
    }

    @Test
    void checkNamesTheFieldAndNeverEchoesTheValue() {
        assertThatThrownBy(() -> InputPolicy.check("patient.name", "secret\u0000", TextKind.NAME))
                .isInstanceOfSatisfying(ProblemException.InvalidRequest.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("patient.name");
                        assertThat(v.message()).doesNotContain("secret");
                    });
                });
    }

    @Test
    void scrubDropsWhatThePolicyRefuses() {
        assertThat(InputPolicy.scrub("a\u0000b\u202Ec\u001B\nd\uD800e\uFFFF", TextKind.FREE_TEXT)).isEqualTo("abc\nde");
        assertThat(InputPolicy.scrub("e\u0301", TextKind.NAME)).isEqualTo("\u00E9");
    }
}
