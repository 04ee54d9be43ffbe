package kz.prevention.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateVariantsTest {

    @Test
    void oneDigitChangedAtAnyPlaceOfTheIsoDate() {
        Set<LocalDate> variants = BirthDateVariants.of(LocalDate.of(2010, 3, 15));

        assertThat(variants).contains(LocalDate.of(2010, 3, 16), LocalDate.of(2010, 3, 25), LocalDate.of(2010, 8, 15),
                LocalDate.of(2010, 1, 15), LocalDate.of(2011, 3, 15), LocalDate.of(2000, 3, 15), LocalDate.of(1010, 3, 15));
    }

    @Test
    void dayAndMonthSwapped() {
        assertThat(BirthDateVariants.of(LocalDate.of(1984, 3, 11))).contains(LocalDate.of(1984, 11, 3));
        assertThat(BirthDateVariants.of(LocalDate.of(1984, 11, 3))).contains(LocalDate.of(1984, 3, 11));
    }

    @Test
    void neitherTheDateItselfNorTwoDigitsApartNorImpossibleDates() {
        LocalDate date = LocalDate.of(2010, 2, 10);
        Set<LocalDate> variants = BirthDateVariants.of(date);

        assertThat(variants).doesNotContain(date)
                .doesNotContain(LocalDate.of(2010, 3, 11), LocalDate.of(2011, 2, 11), LocalDate.of(2009, 2, 10));
        // 2010-02-30 (the day's tens digit) and 2010-32-10 (the month's) are no dates; 2010-02-20 and 2010-12-10 are.
        assertThat(variants).contains(LocalDate.of(2010, 2, 20), LocalDate.of(2010, 12, 10))
                .allMatch(d -> !(d.getMonthValue() == 2 && d.getDayOfMonth() > 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2010-03-15", "1984-03-11", "2000-02-29", "1999-12-31", "1975-10-01"})
    void everyVariantIsOneDigitApartOrTheSwap(String iso) {
        LocalDate date = LocalDate.parse(iso);
        Set<LocalDate> variants = BirthDateVariants.of(date);

        assertThat(variants).hasSizeLessThanOrEqualTo(8 * 9 + 1).isNotEmpty();
        for (LocalDate v : variants) {
            boolean swap = v.getYear() == date.getYear() && v.getMonthValue() == date.getDayOfMonth()
                    && v.getDayOfMonth() == date.getMonthValue();
            assertThat(swap || digitsApart(v.toString(), iso) == 1).as(v + " from " + iso).isTrue();
        }
    }

    @Test
    void aLeapDayKeepsOnlyTheLeapYearsAmongItsYearVariants() {
        assertThat(BirthDateVariants.of(LocalDate.of(2000, 2, 29)))
                .contains(LocalDate.of(2004, 2, 29), LocalDate.of(2008, 2, 29), LocalDate.of(2400, 2, 29))
                .allMatch(d -> d.getDayOfMonth() != 29 || d.getMonthValue() != 2 || d.isLeapYear())
                .noneMatch(d -> d.getYear() == 2001 || d.getYear() == 2002 || d.getYear() == 2003);
    }

    private static int digitsApart(String a, String b) {
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                n++;
            }
        }
        return n;
    }
}
