package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void readsStrongWeakAndBareTags() {
        assertThat(EntityTags.parseIfMatch("\"3\"")).hasValue(3);
        assertThat(EntityTags.parseIfMatch("W/\"4\"")).hasValue(4);
        assertThat(EntityTags.parseIfMatch(" 5 ")).hasValue(5);
    }

    @Test
    void absentOrWildcardMeansNoPrecondition() {
        assertThat(EntityTags.parseIfMatch(null)).isEmpty();
        assertThat(EntityTags.parseIfMatch("")).isEmpty();
        assertThat(EntityTags.parseIfMatch("*")).isEmpty();
        assertThatCode(() -> EntityTags.checkIfMatch(null, 9)).doesNotThrowAnyException();
    }

    @Test
    void staleVersionIsAPreconditionFailure() {
        assertThatThrownBy(() -> EntityTags.checkIfMatch("\"1\"", 2))
                .isInstanceOf(ProblemException.PreconditionFailed.class)
                .hasMessageContaining("current version is 2");
        assertThatCode(() -> EntityTags.checkIfMatch("\"2\"", 2)).doesNotThrowAnyException();
    }

    @Test
    void foreignTagIsABadRequest() {
        assertThatThrownBy(() -> EntityTags.parseIfMatch("\"abc\""))
                .isInstanceOf(ProblemException.InvalidRequest.class);
    }

    @Test
    void tagOfAVersionIsStrong() {
        assertThat(EntityTags.of(7).toString()).isEqualTo("\"7\"");
    }
}
