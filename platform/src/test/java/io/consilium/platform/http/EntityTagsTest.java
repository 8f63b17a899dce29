package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void aStrongTagOfTheCurrentVersionMatches() {
        assertThat(EntityTags.matches("\"3\"", 3)).isTrue();
        assertThat(EntityTags.matches(" \"3\" ", 3)).isTrue();
        assertThat(EntityTags.matches("\"2\"", 3)).isFalse();
    }

    @Test
    void aWeakTagNeverMatches() {
        assertThat(EntityTags.matches("W/\"4\"", 4)).isFalse();
        assertThatThrownBy(() -> EntityTags.checkIfMatch("W/\"4\"", 4))
                .isInstanceOf(ProblemException.PreconditionFailed.class);
    }

    @Test
    void listsMatchWhenOneStrongTagDoes() {
        assertThat(EntityTags.matches("\"1\", W/\"5\", \"5\"", 5)).isTrue();
        assertThat(EntityTags.matches("\"1\",\"2\"", 5)).isFalse();
        assertThat(EntityTags.matches("W/\"5\", \"4\"", 5)).isFalse();
    }

    @Test
    void absentOrWildcardMeansNoPrecondition() {
        assertThat(EntityTags.matches(null, 9)).isTrue();
        assertThat(EntityTags.matches("", 9)).isTrue();
        assertThat(EntityTags.matches("*", 9)).isTrue();
        assertThatCode(() -> EntityTags.checkIfMatch(null, 9)).doesNotThrowAnyException();
    }

    @Test
    void staleVersionIsAPreconditionFailure() {
        assertThatThrownBy(() -> EntityTags.checkIfMatch("\"1\"", 2))
                .isInstanceOf(ProblemException.PreconditionFailed.class)
                .hasMessageContaining("current version 2");
        assertThatCode(() -> EntityTags.checkIfMatch("\"2\"", 2)).doesNotThrowAnyException();
    }

    @Test
    void foreignOrMalformedTagsAreABadRequest() {
        for (String bad : new String[]{"\"abc\"", "5", "\"", "W/", "\"1\",", "\"1\" \"2\""}) {
            assertThatThrownBy(() -> EntityTags.matches(bad, 1)).as(bad)
                    .isInstanceOf(ProblemException.InvalidRequest.class);
        }
    }

    @Test
    void tagOfAVersionIsStrong() {
        assertThat(EntityTags.of(7).toString()).isEqualTo("\"7\"");
    }
}
