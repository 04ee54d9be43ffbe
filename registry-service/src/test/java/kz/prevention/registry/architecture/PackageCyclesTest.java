package kz.prevention.registry.architecture;

import org.junit.jupiter.api.Test;

import kz.prevention.testing.PackageCycles;

/**
 * The registry's packages depend on each other one way only (README, "Code layout"): a package
 * can be read, tested and changed without the ones above it.
 */
class PackageCyclesTest {

    @Test
    void packagesHaveNoCycles() {
        PackageCycles.assertNone("kz.prevention.registry");
    }

    /** The core libraries have no test module of their own that sees them all; the registry builds on each. */
    @Test
    void coreLibrariesHaveNoCycles() {
        PackageCycles.assertNone("kz.prevention.persistence");
        PackageCycles.assertNone("kz.prevention.commons");
        PackageCycles.assertNone("kz.prevention.reference");
    }
}
