package kz.prevention.reference.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class WorkingDayCalendarTest {

    private final List<Integer> fallbacks = new ArrayList<>();
    private final WorkingDayCalendar calendar = WorkingDayCalendar.load(new ObjectMapper(),
            WorkingDayCalendarTest.class.getClassLoader(), fallbacks::add);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theCatalogsCoverTwentyTwentySixAndTwentySeven() {
        assertThat(calendar.catalogYears()).containsExactlyInAnyOrder(2026, 2027);
        assertThat(calendar.catalog(2026).orElseThrow().sources()).containsKeys("holidays", "weekendRule", "kurbanAit", "decree");
    }

    @Test
    void aHolidayInsideAThreeWorkingDayIntervalIsSkipped() {
        // Mon 4 May 2026 + 3: Tue 5, Wed 6, (Thu 7 May Defender of the Fatherland Day), Fri 8.
        assertThat(calendar.plusWorkingDays(d("2026-05-04"), 3)).isEqualTo(d("2026-05-08"));
        // Kurban Ait, Wed 27 May 2026.
        assertThat(calendar.isWorkingDay(d("2026-05-27"))).isFalse();
        assertThat(calendar.plusWorkingDays(d("2026-05-25"), 3)).isEqualTo(d("2026-05-29"));
        assertThat(calendar.workingDaysBetween(d("2026-05-04"), d("2026-05-08"))).isEqualTo(3);
    }

    @Test
    void nauryzOverAWeekendMovesTwoDaysOff() {
        // Sat 21 and Sun 22 March 2026 are Nauryz: the days off move to Tue 24 and Wed 25; Mon 23 is Nauryz itself.
        for (String off : List.of("2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25")) {
            assertThat(calendar.isWorkingDay(d(off))).as(off).isFalse();
        }
        // A grounding document of Thu 19 March: Fri 20, Thu 26, Fri 27.
        assertThat(calendar.plusWorkingDays(d("2026-03-19"), 3)).isEqualTo(d("2026-03-27"));
        assertThat(calendar.workingDaysBetween(d("2026-03-19"), d("2026-03-27"))).isEqualTo(3);
    }

    @Test
    void aWorkingSaturdayFromADecreeCounts() {
        WorkingDayYear real = calendar.catalog(2026).orElseThrow();
        WorkingDayYear decreed = new WorkingDayYear(2026, "test", real.zone(), real.sources(), real.holidays(),
                real.movedDaysOff(), new WorkingDayYear.Decree("test decree", List.of(d("2026-01-05")),
                        List.of(d("2026-01-03"))));
        WorkingDayCalendar withDecree = new WorkingDayCalendar(List.of(decreed), null);

        assertThat(withDecree.isWorkingDay(d("2026-01-03"))).isTrue();
        assertThat(withDecree.isWorkingDay(d("2026-01-05"))).isFalse();
        // Wed 31 Dec 2025 is not in a catalog; from Tue 30 Dec: Wed 31, Sat 3 Jan (working), Tue 6 Jan.
        assertThat(withDecree.plusWorkingDays(d("2026-01-02"), 2)).isEqualTo(d("2026-01-06"));
        assertThat(calendar.plusWorkingDays(d("2026-01-02"), 2)).isEqualTo(d("2026-01-06"));
        assertThat(calendar.isWorkingDay(d("2026-01-03"))).isFalse();
    }

    @Test
    void aDeadlineCrossesTheYearBoundary() {
        // Tue 29 Dec 2026: Wed 30, Thu 31, (Fri 1 Jan, Sat 2 Jan holiday moved to Mon 4 Jan), Tue 5 Jan 2027.
        assertThat(calendar.plusWorkingDays(d("2026-12-29"), 3)).isEqualTo(d("2027-01-05"));
        assertThat(calendar.workingDaysBetween(d("2026-12-29"), d("2027-01-05"))).isEqualTo(3);
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void aYearWithoutAFileFallsBackToTheStatutoryHolidaysAndSaysSo() {
        // 2028: no file. Wed 8 March 2028 is a statutory holiday; Sat 1 Jan moves to Mon 3 Jan, Sun 2 Jan to Tue 4 Jan.
        assertThat(calendar.isWorkingDay(d("2028-03-08"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2028-01-03"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2028-01-04"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2028-01-05"))).isTrue();
        assertThat(calendar.plusWorkingDays(d("2028-03-06"), 3)).isEqualTo(d("2028-03-10"));
        assertThat(fallbacks).as("reported once, not at every day counted").containsExactly(2028);
    }

    @Test
    void theListedMovedDaysOffAreWhatTheWeekendRuleGives() {
        for (int year : calendar.catalogYears()) {
            WorkingDayYear y = calendar.catalog(year).orElseThrow();
            Set<LocalDate> holidays = new HashSet<>();
            Map<java.time.MonthDay, Boolean> movable = new java.util.HashMap<>();
            y.holidays().forEach(h -> {
                holidays.add(h.date());
                movable.put(java.time.MonthDay.from(h.date()), h.movable());
            });
            assertThat(y.movedDaysOff()).extracting(WorkingDayYear.MovedDayOff::date).as("%d", year)
                    .containsExactlyInAnyOrderElementsOf(WorkingDayCalendar.movedByWeekendRule(year, holidays, movable));
            // Every statutory fixed holiday is listed.
            WorkingDayCalendar.STATUTORY_FIXED.keySet().forEach(md -> assertThat(holidays).contains(md.atYear(year)));
            assertThat(y.holidays()).filteredOn(h -> h.name().startsWith("Kurban")).hasSize(1)
                    .allMatch(h -> !h.movable());
        }
        // Kurban Ait on Sunday 16 May 2027 is not moved: Monday 17 May is a working day.
        assertThat(calendar.isWorkingDay(d("2027-05-17"))).isTrue();
    }

    @Test
    void aDecreeWorkingDayMustBeAWeekendDayOfItsYear() {
        WorkingDayYear bad = new WorkingDayYear(2026, "x", "Asia/Almaty", Map.of(), List.of(), List.of(),
                new WorkingDayYear.Decree(null, List.of(), List.of(d("2026-01-05"))));
        assertThatThrownBy(() -> new WorkingDayCalendar(List.of(bad), null)).hasMessageContaining("not a weekend day");
    }

    @Test
    void zeroAndNegativeCounts() {
        assertThat(calendar.plusWorkingDays(d("2026-03-27"), 0)).isEqualTo(d("2026-03-27"));
        assertThat(calendar.plusWorkingDays(d("2026-03-27"), -3)).isEqualTo(d("2026-03-19"));
        assertThat(calendar.workingDaysBetween(d("2026-03-27"), d("2026-03-19"))).isZero();
    }
}
