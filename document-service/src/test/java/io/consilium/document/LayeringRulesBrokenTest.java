package io.consilium.document;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.consilium.platform.testing.LayeringRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layering rules fail where the layout is broken, so {@link LayeringTest} passing means something: checked on
 * the classes of {@code io.consilium.layoutsample} (test sources), each breaking one rule on purpose. None of
 * them is a bean, a resource or an installed route, so the service's test start does not see them.
 */
class LayeringRulesBrokenTest {

    private final JavaClasses sample = new ClassFileImporter().importPackages("io.consilium.layoutsample");

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(sample).isNotEmpty();
        assertThatThrownBy(() -> LayeringRules.check(sample, "io.consilium.layoutsample"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SampleEntity")
                .hasMessageContaining("io.consilium.layoutsample.api.SampleView")
                .hasMessageContaining("io.vertx.core.Vertx")
                .hasMessageContaining("SampleRoutes> does not reside in a package 'io.consilium.layoutsample.api..'")
                .hasMessageContaining("MisplacedConfig> does not reside in a package 'io.consilium.layoutsample.config..'")
                .hasMessageContaining("MisplacedConsumer> does not reside in a package 'io.consilium.layoutsample.consumers..'")
                .hasMessageContaining("is in a catch-all package 'util'")
                .hasMessageContaining("is in a package named like its parent 'layoutsample.layoutsample'");
    }

    @Test
    void aPackageNamedAsAnAdapterIsAllowedOnlyWhenTheCallerSaysSo() {
        assertThatThrownBy(() -> LayeringRules.check(sample, "io.consilium.layoutsample"))
                .hasMessageContaining("io.consilium.layoutsample.util.Strings is in io.consilium.layoutsample.util, not one of");
        assertThatThrownBy(() -> LayeringRules.check(sample, "io.consilium.layoutsample", "util"))
                .hasMessageNotContaining("is in io.consilium.layoutsample.util, not one of")
                .hasMessageContaining("catch-all package 'util'");
    }
}
