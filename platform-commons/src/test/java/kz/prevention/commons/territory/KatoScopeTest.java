package kz.prevention.commons.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

class KatoScopeTest {

    @Test
    void aRegionCoversItsDistrictsAndNothingElse() {
        assertThat(KatoScope.covers("750000000", "751110000")).isTrue();
        assertThat(KatoScope.covers("750000000", "750000000")).isTrue();
        assertThat(KatoScope.covers("750000000", "711210000")).isFalse();
    }

    @Test
    void aDistrictCoversOnlyItself() {
        assertThat(KatoScope.covers("751110000", "751110000")).isTrue();
        assertThat(KatoScope.covers("751110000", "751112345")).isTrue();
        assertThat(KatoScope.covers("751110000", "751210000")).isFalse();
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
        assertThat(KatoScope.narrow("751110000", "75")).isEqualTo("75111");
        assertThat(KatoScope.narrow("710000000", "")).isEqualTo("71");
        assertThatThrownBy(() -> KatoScope.narrow("710000000", "75"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type())
                                .isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> KatoScope.narrow("75", "75"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type())
                                .isEqualTo(ProblemType.VALIDATION));
    }
}
