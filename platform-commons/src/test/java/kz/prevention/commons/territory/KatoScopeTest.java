package kz.prevention.commons.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
