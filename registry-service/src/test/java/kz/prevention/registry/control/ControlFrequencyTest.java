package kz.prevention.registry.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import kz.prevention.registry.entry.ControlFrequency;

class ControlFrequencyTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void eachRhythmGivesItsNextDate() {
        assertThat(ControlFrequency.WEEKLY.next(MONDAY, null)).contains(MONDAY.plusDays(7));
        assertThat(ControlFrequency.TWICE_MONTHLY.next(MONDAY, null)).contains(MONDAY.plusDays(15));
        assertThat(ControlFrequency.MONTHLY.next(MONDAY, null)).contains(LocalDate.of(2026, 12, 23));
        assertThat(ControlFrequency.NONE.next(MONDAY, null)).isEmpty();
    }

    @Test
    void supervisionFollowsTheRiskLevelAndIsWeeklyUntilOneIsSet() {
        assertThat(ControlFrequency.BY_RISK_LEVEL.next(MONDAY, ControlFrequency.MONTHLY)).contains(LocalDate.of(2026, 12, 23));
        assertThat(ControlFrequency.BY_RISK_LEVEL.next(MONDAY, null)).contains(MONDAY.plusDays(7));
    }
}
