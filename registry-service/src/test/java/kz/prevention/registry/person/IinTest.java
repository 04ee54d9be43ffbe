package kz.prevention.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import kz.prevention.commons.identity.Iin;
import kz.prevention.testing.Iins;

class IinTest {

    @Test
    void aValidIinGivesBirthDateAndSex() {
        Iin.Result r = Iin.parse(Iins.of(LocalDate.of(1990, 1, 15), 'M'));

        assertThat(r.isValid()).isTrue();
        assertThat(r.iin().birthDate()).isEqualTo(LocalDate.of(1990, 1, 15));
        assertThat(r.iin().sex()).isEqualTo(Iin.Sex.M);
    }

    @Test
    void centuryDigitsMapToTheirCenturiesAndSexes() {
        assertThat(Iin.parse(Iins.of(LocalDate.of(2008, 2, 29), 'F')).iin())
                .satisfies(i -> {
                    assertThat(i.birthDate()).isEqualTo(LocalDate.of(2008, 2, 29));
                    assertThat(i.sex()).isEqualTo(Iin.Sex.F);
                });
        assertThat(Iin.parse(Iins.of(LocalDate.of(1899, 12, 31), 'M')).iin().birthDate()).isEqualTo(LocalDate.of(1899, 12, 31));
    }

    @Test
    void handComputedExamplesAreValid() {
        // 87041230036|7: 12 April 1987, 1900s male; Σ d·[1..11] = 172, 172 mod 11 = 7.
        assertThat(Iin.parse("870412300367").iin().birthDate()).isEqualTo(LocalDate.of(1987, 4, 12));
        // 90010130081|1: the first weights give 10, so the second weights decide: 1.
        assertThat(Iin.parse("900101300811").problem()).isNull();
        assertThat(Iin.parse("900101300810").problem()).isEqualTo("check digit does not match");
    }

    @Test
    void aWrongCheckDigitIsRejected() {
        String iin = Iins.of(LocalDate.of(1985, 6, 1), 'F');

        assertThat(Iin.parse(Iins.withWrongCheckDigit(iin)).problem()).isEqualTo("check digit does not match");
    }

    @Test
    void anImpossibleDateIsRejected() {
        assertThat(Iin.parse(withCheckDigit("9013323")).problem()).isEqualTo("encodes an impossible birth date");
        assertThat(Iin.parse(withCheckDigit("0102293")).problem()).isEqualTo("encodes an impossible birth date");
    }

    @Test
    void aCenturyDigitOutsideOneToSixIsRejected() {
        assertThat(Iin.parse(withCheckDigit("9001017")).problem()).contains("7th digit");
        assertThat(Iin.parse(withCheckDigit("9001010")).problem()).contains("7th digit");
    }

    @Test
    void wrongLengthsAndLettersAreRejected() {
        assertThat(Iin.parse("12345").problem()).isEqualTo("must be 12 digits");
        assertThat(Iin.parse("90010130001A").problem()).isEqualTo("must be 12 digits");
        assertThat(Iin.parse(null).problem()).isEqualTo("must be 12 digits");
    }

    /** Completes 7 leading digits with a serial so that the check digit is valid. */
    private static String withCheckDigit(String first7) {
        for (int serial = 0; serial < 10000; serial++) {
            String body = first7 + String.format("%04d", serial);
            int[] d = body.chars().map(c -> c - '0').toArray();
            var check = Iin.checkDigit(java.util.Arrays.copyOf(d, 12));
            if (check.isPresent()) {
                return body + check.get();
            }
        }
        throw new IllegalStateException();
    }
}
