package kz.prevention.reference.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.reference.ReferenceCatalogs;

class PreventionLawDeadlinesTest {

    private static final ReferenceCatalogs CATALOGS = new ReferenceCatalogs(new ObjectMapper(),
            PreventionLawDeadlinesTest.class.getClassLoader());
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.load(new ObjectMapper(),
            PreventionLawDeadlinesTest.class.getClassLoader(), null);
    private static final PreventionLawDeadlines DEADLINES = new PreventionLawDeadlines(
            CATALOGS.get(PreventionLawDeadlines.CATALOG), CALENDAR);

    @Test
    void aPublicAssistantIsRegisteredWithinSevenWorkingDaysOfTheApplication() {
        DeadlineRule rule = DEADLINES.rule(PreventionLawDeadlines.PUBLIC_ASSISTANT_REGISTRATION, LocalDate.of(2026, 11, 26));
        assertThat(rule.amount()).isEqualTo(7);
        assertThat(rule.unit()).isEqualTo(DeadlineUnit.WORKING_DAYS);
        assertThat(rule.legalSource()).contains("245-VIII", "seven working days");
        assertThat(rule.version()).isEqualTo("2026.11.1/2026-01-01");
    }

    @Test
    void independenceDayInsideTheSevenWorkingDaysIsSkipped() {
        // Thu 10 Dec 2026 + 7 working days: 11, 14, 15, (16 Dec a holiday), 17, 18, 21, 22.
        assertThat(DEADLINES.due(PreventionLawDeadlines.PUBLIC_ASSISTANT_REGISTRATION, LocalDate.of(2026, 12, 10)))
                .isEqualTo(LocalDate.of(2026, 12, 22));
        // Thu 22 Oct 2026: Republic Day (Sun 25 Oct) moves the day off to Mon 26 Oct.
        assertThat(DEADLINES.due(PreventionLawDeadlines.PUBLIC_ASSISTANT_REGISTRATION, LocalDate.of(2026, 10, 22)))
                .isEqualTo(LocalDate.of(2026, 11, 3));
    }
}
