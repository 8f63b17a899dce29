package io.consilium.notification.arch;

import io.consilium.platform.testing.LayeringRules;
import org.junit.jupiter.api.Test;

/** notification-service keeps the project's package layout (docs/architecture.md) from its first class on. */
class LayeringTest {

    @Test
    void packagesFollowTheProjectLayout() {
        LayeringRules.check("io.consilium.notification", "webhook", "keycloak", "push");
    }
}
