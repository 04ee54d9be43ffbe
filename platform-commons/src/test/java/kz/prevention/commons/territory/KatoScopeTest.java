package kz.prevention.commons.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** Scope follows KATO's levels (AB CD EF HIJ), never "strip the trailing zeros". */
class KatoScopeTest {

    @Test
    void aRegionCoversItsDistrictsAndNothingElse() {
        assertThat(KatoScope.covers("750000000", "751110000")).isTrue();
        assertThat(KatoScope.covers("750000000", "750000000")).isTrue();
        assertThat(KatoScope.covers("750000000", "711210000")).isFalse();
    }

    /** The blocker: Abai's 100000000 stripped to "1" took in Akmola (11), Aktobe (15) and Almaty region (19). */
    @Test
    void aRegionWhoseOwnCodeEndsInZeroCoversNoOtherRegion() {
        assertThat(KatoScope.prefix("100000000")).isEqualTo("10");
        assertThat(KatoScope.covers("100000000", "101010001")).isTrue();
        assertThat(KatoScope.covers("100000000", "110000000")).isFalse();
        assertThat(KatoScope.covers("100000000", "151010000")).isFalse();
        assertThat(KatoScope.covers("100000000", "194010000")).isFalse();
    }

    @Test
    void aDistrictWhoseOwnDigitsEndInZeroCoversNoSibling() {
        assertThat(KatoScope.prefix("271000000")).isEqualTo("2710");
        assertThat(KatoScope.covers("271000000", "271012345")).isTrue();
        assertThat(KatoScope.covers("271000000", "271100000")).isFalse();
        assertThat(KatoScope.covers("271000000", "271500000")).isFalse();
        assertThat(KatoScope.covers("271000000", "270000000")).isFalse();
    }

    @Test
    void aRuralDistrictWhoseOwnDigitsEndInZeroCoversNoSibling() {
        assertThat(KatoScope.prefix("751110000")).isEqualTo("751110");
        assertThat(KatoScope.covers("751110000", "751110001")).isTrue();
        assertThat(KatoScope.covers("751110000", "751112345")).isFalse();
        assertThat(KatoScope.covers("271020000", "271020100")).isTrue();
        assertThat(KatoScope.covers("271020000", "271021000")).isFalse();
    }

    @Test
    void aSettlementCoversOnlyItself() {
        assertThat(KatoScope.prefix("271020100")).isEqualTo("271020100");
        assertThat(KatoScope.covers("271020100", "271020100")).isTrue();
        assertThat(KatoScope.covers("271020100", "271020101")).isFalse();
    }

    @Test
    void levelsAreNamed() {
        assertThat(KatoScope.level(KatoScope.REPUBLIC)).isZero();
        assertThat(KatoScope.level("100000000")).isEqualTo(1);
        assertThat(KatoScope.level("271000000")).isEqualTo(2);
        assertThat(KatoScope.level("271020000")).isEqualTo(3);
        assertThat(KatoScope.level("271020100")).isEqualTo(4);
    }

    @Test
    void theRepublicCoversEverything() {
        assertThat(KatoScope.prefix(KatoScope.REPUBLIC)).isEmpty();
        assertThat(KatoScope.covers(KatoScope.REPUBLIC, "631010000")).isTrue();
    }

    @Test
    void malformedCodesCoverNothing() {
        assertThat(KatoScope.covers("75", "751110000")).isFalse();
        assertThat(KatoScope.covers("750000000", "75111000X")).isFalse();
    }

    @Test
    void aSearchNarrowsToARegionOnlyWithinTheCallersTerritory() {
        assertThat(KatoScope.narrow("751110000", "75")).isEqualTo("751110");
        assertThat(KatoScope.narrow("710000000", "")).isEqualTo("71");
        assertThatThrownBy(() -> KatoScope.narrow("710000000", "75"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> KatoScope.narrow("110000000", "10"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> KatoScope.narrow("75", "75"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION));
    }
}
