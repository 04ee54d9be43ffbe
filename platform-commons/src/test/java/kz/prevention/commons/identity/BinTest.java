package kz.prevention.commons.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinTest {

    @Test
    void aBinWithItsCheckDigitIsValid() {
        assertThat(Bin.isValid("980340001239")).isTrue();
        assertThat(Bin.isValid("030840002466")).isTrue();
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertThat(Bin.problem("980340001230")).contains("check digit does not match");
    }

    @Test
    void theShapeIsCheckedBeforeTheCheckDigit() {
        assertThat(Bin.problem("98034000123")).contains("must be 12 digits");
        assertThat(Bin.problem(null)).contains("must be 12 digits");
        assertThat(Bin.problem("98034000123x")).contains("must be 12 digits");
        assertThat(Bin.problem("981340001239").orElseThrow()).contains("month");
        assertThat(Bin.problem("980310001239").orElseThrow()).contains("kind of entity");
        assertThat(Bin.problem("980349001239").orElseThrow()).contains("6th digit");
    }

    @Test
    void anIinIsNotABin() {
        // An IIN's 5th and 6th digits are a day of birth: 900101300017 has 0 as its kind of entity.
        assertThat(Bin.isValid("900101300017")).isFalse();
    }
}
