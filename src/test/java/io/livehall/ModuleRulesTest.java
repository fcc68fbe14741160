package io.livehall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/architecture.md, enforced: {@code common} ← {@code identity} ← {@code realtime} ← the
 * domains ({@code showcase}, {@code training}, {@code fair}, {@code dashboard}); {@code config} wires everything.
 * Realtime and common know no domain; a domain reaches another domain (and a showcase feature another feature) only
 * through its public faces, never through its repositories; there are no cycles between domains or features.
 */
class ModuleRulesTest {

    private static final String[] DOMAINS = {"io.livehall.showcase..", "io.livehall.training..",
            "io.livehall.fair..", "io.livehall.dashboard.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.livehall");

    @Test
    void commonDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.livehall.common..")
                .should().dependOnClassesThat().resideInAnyPackage(with(DOMAINS, "io.livehall.identity..",
                        "io.livehall.realtime..", "io.livehall.config.."))
                .check(CLASSES);
    }

    @Test
    void identityDependsOnCommonOnly() {
        noClasses().that().resideInAPackage("io.livehall.identity..")
                .should().dependOnClassesThat().resideInAnyPackage(with(DOMAINS, "io.livehall.realtime..",
                        "io.livehall.config.."))
                .check(CLASSES);
    }

    @Test
    void realtimeKnowsNoDomain() {
        noClasses().that().resideInAPackage("io.livehall.realtime..")
                .should().dependOnClassesThat().resideInAnyPackage(with(DOMAINS, "io.livehall.config.."))
                .check(CLASSES);
    }

    @Test
    void noModuleButTheApplicationDependsOnConfig() {
        noClasses().that().resideOutsideOfPackage("io.livehall.config..")
                .and().doNotHaveFullyQualifiedName(LiveHallApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.livehall.config..")
                .check(CLASSES);
    }

    @Test
    void repositoriesArePrivateToTheirFeature() {
        ArchRule rule = noClasses().should(accessARepositoryOfAnotherFeature());
        rule.check(CLASSES);
    }

    @Test
    void domainsAndShowcaseFeaturesHaveNoCycles() {
        slices().matching("io.livehall.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(CLASSES.that(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                        "io.livehall.config..")).and(DescribedPredicate.not(
                        JavaClass.Predicates.equivalentTo(LiveHallApplication.class)))));
        for (String domain : FEATURED) {
            slices().matching("io.livehall." + domain + ".(*)..").namingSlices(domain + ".$1")
                    .should().beFreeOfCycles().allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    /** Domains made of features: a class's feature is its sub-package ({@code io.livehall.showcase.order}). */
    private static final java.util.Set<String> FEATURED = java.util.Set.of("showcase", "training", "fair");

    /** The feature of a class: {@code io.livehall.showcase.order} for showcase, training and fair, else the module. */
    private static String feature(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        int depth = parts.length > 3 && FEATURED.contains(parts[2]) ? 4 : Math.min(3, parts.length);
        return String.join(".", java.util.Arrays.copyOf(parts, depth));
    }

    private static ArchCondition<JavaClass> accessARepositoryOfAnotherFeature() {
        return new ArchCondition<>("depend on a repository of another feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    if (target.getPackageName().startsWith("io.livehall.") && target.getSimpleName().endsWith("Repository")
                            && !feature(target).equals(feature(item))) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription()));
                    }
                });
            }
        };
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
