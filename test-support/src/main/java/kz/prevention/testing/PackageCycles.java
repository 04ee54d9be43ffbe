package kz.prevention.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Fails when the packages right under a module's base package depend on each other in a circle
 * (issue 8: "no package cycles"), naming the classes that make each cycle. A module's test calls it
 * with its base package, e.g. {@code PackageCycles.assertNone("kz.prevention.registry")}.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    public static void assertNone(String basePackage) {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + basePackage + ": the check would prove nothing");
        }
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
