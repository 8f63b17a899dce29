package io.consilium.gateway.arch;

import io.consilium.platform.testing.LayeringRules;
import org.junit.jupiter.api.Test;

/** gateway keeps the project's package layout (docs/architecture.md); its adapter is proxy/ (Vert.x' HTTP client). */
class LayeringTest {

    @Test
    void packagesFollowTheProjectLayout() {
        LayeringRules.check("io.consilium.gateway", "proxy");
    }
}
