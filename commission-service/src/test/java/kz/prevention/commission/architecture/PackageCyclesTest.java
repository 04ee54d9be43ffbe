package kz.prevention.commission.architecture;

import org.junit.jupiter.api.Test;

import kz.prevention.testing.PackageCycles;

/** The module's packages depend on each other one way only (issue 8: no package cycles). */
class PackageCyclesTest {

    @Test
    void packagesHaveNoCycles() {
        PackageCycles.assertNone("kz.prevention.commission");
    }
}
