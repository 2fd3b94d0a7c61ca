package com.thewans.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module rules of a WANS service, checked on its compiled main classes:
 * <ul>
 * <li>its feature packages ({@code com.thewans.catalog.film}, {@code ...genre}) do not depend on
 * each other in a cycle, so each can be understood, and changed, on its own;</li>
 * <li>a feature's sub-packages are its internals: no other feature reaches into them;</li>
 * <li>it depends on no other service's code, only on {@code com.thewans.common} and the shared
 * {@code com.thewans.media} (the platform's FFmpeg) libraries (services talk over HTTP and events, each
 * with its own small view of the other).</li>
 * </ul>
 * Package-private types are the first line (the compiler enforces them); these rules catch what
 * public types would let through. Every service's contract test runs them.
 */
public final class ServiceBoundaries {

    private ServiceBoundaries() {
    }

    /** Every rule broken in the service under {@code rootPackage}, as readable lines; empty when it keeps to them. */
    public static List<String> violations(String rootPackage) {
        return violations(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage), rootPackage);
    }

    /** The same rules over classes imported by the caller (the kit's own tests use fixtures). */
    public static List<String> violations(JavaClasses classes, String rootPackage) {
        if (classes.isEmpty()) {
            throw new IllegalStateException("No classes under " + rootPackage + ": is it the service's package?");
        }
        List<ArchRule> rules = List.of(
                slices().matching(rootPackage + ".(*)..").namingSlices("feature '$1'").should().beFreeOfCycles()
                        .because("feature packages depend on each other one way at most"),
                classes().should(keepToTheirOwnFeatureAndService(rootPackage)));
        List<String> found = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
            if (result.hasViolation()) {
                found.addAll(result.getFailureReport().getDetails());
            }
        }
        return found;
    }

    private static ArchCondition<JavaClass> keepToTheirOwnFeatureAndService(String root) {
        return new ArchCondition<>("depend on no other service and on no other feature's internals") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = origin.getPackageName();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String to = dependency.getTargetClass().getPackageName();
                    if (isOtherService(root, to)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": another service's code (talk to it over HTTP or events)"));
                    } else if (isInternal(root, to) && !feature(root, to).equals(feature(root, from))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": inside feature '" + feature(root, to) + "', whose sub-packages are its own"));
                    }
                }
            }
        };
    }

    private static boolean isOtherService(String root, String pkg) {
        return pkg.startsWith("com.thewans.") && !within(root, pkg) && !within("com.thewans.common", pkg)
                && !within("com.thewans.media", pkg);
    }

    /** {@code root.feature.sub...}: below a feature package. */
    private static boolean isInternal(String root, String pkg) {
        return pkg.startsWith(root + ".") && pkg.substring(root.length() + 1).contains(".");
    }

    private static String feature(String root, String pkg) {
        if (!pkg.startsWith(root + ".")) {
            return "";
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean within(String parent, String pkg) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }
}
