package kz.prevention.registry.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The registry's packages depend on each other in one direction only (issue 8: "no package
 * cycles"), so a package can be read, tested and changed without the ones above it. The layers,
 * bottom up: the person and the entry (what is kept), the access rule that judges them, the
 * recorded changes and deadlines, then the use cases and their resources. A cycle fails here with
 * the classes that make it.
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.prevention.registry");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("kz.prevention.registry.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
