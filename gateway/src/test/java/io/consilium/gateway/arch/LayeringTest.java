package io.consilium.gateway.arch;

import io.consilium.platform.testing.LayeringRules;
import org.junit.jupiter.api.Test;

/** gateway keeps the project's package layout (docs/architecture.md) from its first class on. */
class LayeringTest {

    @Test
    void packagesFollowTheProjectLayout() {
        LayeringRules.checkEvenIfEmpty("io.consilium.gateway");
    }
}
