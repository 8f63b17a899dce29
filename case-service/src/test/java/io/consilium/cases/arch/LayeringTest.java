package io.consilium.cases.arch;

import io.consilium.platform.testing.LayeringRules;
import org.junit.jupiter.api.Test;

/** case-service keeps the project's package layout (docs/architecture.md); it has no adapters. */
class LayeringTest {

    @Test
    void packagesFollowTheProjectLayout() {
        LayeringRules.check("io.consilium.cases");
    }
}
