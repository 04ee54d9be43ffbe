package kz.prevention.commons.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TodayTest {

    // 2026-12-31 20:30 UTC is already 2027-01-01 in Almaty (UTC+5).
    private static final Clock NEW_YEARS_EVE = Clock.fixed(Instant.parse("2026-12-31T20:30:00Z"), ZoneId.of("Asia/Almaty"));

    @Test
    void theDateIsKazakhstans() {
        assertThat(new Today(NEW_YEARS_EVE, Period.ZERO).date()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aRehearsalOffsetMovesTheDateByWholeDays() {
        assertThat(new Today(NEW_YEARS_EVE, Period.ofDays(40)).date()).isEqualTo(LocalDate.of(2027, 2, 10));
    }

    @Test
    void anOffsetBackwardsOrInMonthsIsRefused() {
        assertThatThrownBy(() -> new Today(NEW_YEARS_EVE, Period.ofDays(-1))).hasMessageContaining("P40D");
        assertThatThrownBy(() -> new Today(NEW_YEARS_EVE, Period.ofMonths(1))).hasMessageContaining("non-negative number of days");
    }
}
