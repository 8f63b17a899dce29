package io.consilium.platform.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package layout of docs/architecture.md ("Inside a service"), checked on a service's compiled main classes:
 * <pre>
 *   LayeringRules.check("io.consilium.document", "storage", "dicom", "tika");
 * </pre>
 * <ul>
 *     <li>{@code domain} depends on none of {@code api}, {@code service}, {@code consumers}, nor on the Quarkus
 *     runtime, JAX-RS or Vert.x (Panache's base classes and {@code jakarta.persistence} are allowed);</li>
 *     <li>JAX-RS resources ({@code @Path}) and Vert.x routes ({@code @Route}, or a method taking the
 *     {@code Router}) live in {@code api}; {@code EventConsumer}s in {@code consumers}; {@code @ConfigMapping}
 *     interfaces in {@code config};</li>
 *     <li>no package is named util, common, helper or manager (or their plurals), nor like its parent;</li>
 *     <li>every class sits under one of the {@link #LAYERS} or an adapter package the caller names.</li>
 * </ul>
 * All rules are evaluated and their violations reported together in one {@link AssertionError}.
 */
public final class LayeringRules {

    /** The top-level packages every service may have; adapters ({@code storage}, {@code pdf}, ...) come on top. */
    public static final Set<String> LAYERS = Set.of("api", "service", "domain", "events", "consumers", "security", "config");

    static final Set<String> CATCH_ALLS = Set.of("util", "utils", "common", "commons", "helper", "helpers", "manager",
            "managers");

    private LayeringRules() {
    }

    /** Imports the main classes under {@code basePackage} and asserts every rule; adapters are extra top-level packages. */
    public static void check(String basePackage, String... adapters) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        if (imported.isEmpty()) {
            throw new AssertionError("No classes found under " + basePackage + ": nothing was checked");
        }
        check(imported, basePackage, adapters);
    }

    /**
     * The same for a service that has no main classes yet (notification-service, the gateway before their issues):
     * nothing to check today, and the rules apply from its first class on.
     */
    public static void checkEvenIfEmpty(String basePackage, String... adapters) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        if (!imported.isEmpty()) {
            check(imported, basePackage, adapters);
        }
    }

    /** Asserts every rule on classes imported by the caller (a test that wants to see a rule fail, say). */
    public static void check(JavaClasses imported, String basePackage, String... adapters) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules(basePackage, adapters)) {
            EvaluationResult result = rule.evaluate(imported);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("The package layout of docs/architecture.md is broken:\n" + String.join("\n", failures));
        }
    }

    public static List<ArchRule> rules(String base, String... adapters) {
        Set<String> topLevel = new LinkedHashSet<>(LAYERS);
        topLevel.addAll(Arrays.asList(adapters));
        return List.of(
                noClasses().that().resideInAPackage(base + ".domain..")
                        .should().dependOnClassesThat(resideInAnyPackage(base + ".api..", base + ".service..",
                                        base + ".consumers..", "jakarta.ws.rs..", "io.vertx..")
                                .or(resideInAPackage("io.quarkus..")
                                        .and(DescribedPredicate.not(resideInAnyPackage(
                                                "io.quarkus.hibernate.orm.panache..", "io.quarkus.panache.common.."))))
                                .as("are in api, service, consumers, JAX-RS, Vert.x or the Quarkus runtime"))
                        .because("domain is plain code, unit-testable without a server")
                        .allowEmptyShould(true),
                classes().that().areAnnotatedWith("jakarta.ws.rs.Path").or(VERTX_ROUTES)
                        .should().resideInAPackage(base + ".api..")
                        .allowEmptyShould(true),
                classes().that().implement("io.consilium.platform.consumer.EventConsumer")
                        .should().resideInAPackage(base + ".consumers..")
                        .allowEmptyShould(true),
                classes().that().areAnnotatedWith("io.smallrye.config.ConfigMapping")
                        .should().resideInAPackage(base + ".config..")
                        .allowEmptyShould(true),
                classes().should(sitUnder(base, topLevel)));
    }

    private static final DescribedPredicate<JavaClass> VERTX_ROUTES = DescribedPredicate.describe("Vert.x routes",
            c -> c.isAnnotatedWith("io.quarkus.vertx.web.RouteBase")
                    || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith("io.quarkus.vertx.web.Route")
                    || m.getRawParameterTypes().stream().anyMatch(p -> p.getName().equals("io.vertx.ext.web.Router"))));

    /** Under {@code base}: a top-level package from the allowed set, no catch-all name, no package named like its parent. */
    private static ArchCondition<JavaClass> sitUnder(String base, Set<String> topLevel) {
        String baseLast = base.substring(base.lastIndexOf('.') + 1);
        return new ArchCondition<>("sit in a package of the layout (" + topLevel + "), named for what it holds") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String pkg = javaClass.getPackageName();
                if (!pkg.startsWith(base + ".")) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is directly in " + base + ", outside every layer"));
                    return;
                }
                String[] segments = pkg.substring(base.length() + 1).split("\\.");
                if (!topLevel.contains(segments[0])) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is in "
                            + base + "." + segments[0] + ", not one of " + topLevel));
                }
                String parent = baseLast;
                for (String segment : segments) {
                    if (CATCH_ALLS.contains(segment)) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                + " is in a catch-all package '" + segment + "'"));
                    }
                    if (segment.equals(parent)) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                + " is in a package named like its parent '" + parent + "." + segment + "'"));
                    }
                    parent = segment;
                }
            }
        };
    }
}
