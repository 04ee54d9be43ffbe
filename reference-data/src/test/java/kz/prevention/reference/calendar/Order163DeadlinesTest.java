package kz.prevention.reference.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalog;
import kz.prevention.reference.ReferenceCatalogs;

class Order163DeadlinesTest {

    private static final ReferenceCatalogs CATALOGS = new ReferenceCatalogs(new ObjectMapper(),
            Order163DeadlinesTest.class.getClassLoader());
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.load(new ObjectMapper(),
            Order163DeadlinesTest.class.getClassLoader(), null);
    private static final Order163Deadlines DEADLINES = new Order163Deadlines(CATALOGS.get(Order163Deadlines.CATALOG), CALENDAR);

    @Test
    void everyDeadlineStatesItsStartAmountUnitAndSource() {
        assertThat(DEADLINES.codes()).contains(Order163Deadlines.DATA_ENTRY, Order163Deadlines.CONTROL_PLAN,
                Order163Deadlines.TRANSFER_FILE, Order163Deadlines.TRANSFER_TRACING, Order163Deadlines.EXTENSION_SUBMISSION,
                Order163Deadlines.REFERENCE_DATABASE_CHECK, Order163Deadlines.RESPONSIBLE_OFFICER,
                Order163Deadlines.EARLY_REMOVAL_CHECK, Order163Deadlines.EARLY_REMOVAL_DECISION,
                Order163Deadlines.SPECIAL_REQUIREMENTS_REGISTRATION, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR,
                Order163Deadlines.FILE_REVIEW);
        LocalDate day = LocalDate.of(2026, 11, 25);
        for (String code : DEADLINES.codes()) {
            DeadlineRule r = DEADLINES.rule(code, day);
            assertThat(r.legalSource()).contains("163");
            assertThat(r.startsWith()).matches("[A-Z_]+");
            assertThat(r.version()).isEqualTo("2026.11.3/2026-03-02");
        }
        assertThat(DEADLINES.rule("RESPONSIBLE_OFFICER", day).unit()).isEqualTo(DeadlineUnit.HOURS);
    }

    /** Since 2026.11.3 registry-service records every act Order 163 times, so no deadline is left unwatched. */
    @Test
    void everyDeadlineOfTheOrderIsMonitoredByAService() {
        for (kz.prevention.reference.CatalogEntry e : CATALOGS.get(Order163Deadlines.CATALOG).entries()) {
            assertThat(e.text("monitoredBy")).as(e.code()).contains("registry-service");
        }
    }

    @Test
    void theDueDatesCountWorkingDaysOfTheCalendar() {
        LocalDate doc = LocalDate.of(2026, 3, 19);
        assertThat(DEADLINES.due(Order163Deadlines.DATA_ENTRY, doc)).isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(DEADLINES.due(Order163Deadlines.CONTROL_PLAN, doc)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(DEADLINES.due(Order163Deadlines.TRANSFER_TRACING, doc)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(DEADLINES.due(Order163Deadlines.EXTENSION_SUBMISSION, LocalDate.of(2026, 6, 30)))
                .isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(DEADLINES.due(Order163Deadlines.REFERENCE_DATABASE_CHECK, LocalDate.of(2026, 3, 31)))
                .isEqualTo(LocalDate.of(2026, 4, 30));
        ZonedDateTime order = ZonedDateTime.of(2026, 3, 20, 18, 0, 0, 0, ZoneId.of("Asia/Almaty"));
        assertThat(DEADLINES.rule("RESPONSIBLE_OFFICER", order.toLocalDate()).dueAt(order, CALENDAR))
                .isEqualTo(order.plusHours(24));
    }

    @Test
    void anAmendmentFromADateAppliesToDeadlinesStartingFromThatDate() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        Order163Deadlines amended = new Order163Deadlines(CATALOGS.get(Order163Deadlines.CATALOG)
                .amended(Order163Deadlines.DATA_ENTRY, today.plusDays(1), "amount", 5), CALENDAR);

        assertThat(amended.due(Order163Deadlines.DATA_ENTRY, today)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(amended.rule(Order163Deadlines.DATA_ENTRY, today).version()).isEqualTo("amended/2026-03-02");
        assertThat(amended.due(Order163Deadlines.DATA_ENTRY, today.plusDays(1))).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(amended.rule(Order163Deadlines.DATA_ENTRY, today.plusDays(1)).version()).endsWith("/2026-11-26");
    }

    @Test
    void twoVersionsInForceAtOnceAreRefused() {
        ReferenceCatalog c = CATALOGS.get(Order163Deadlines.CATALOG);
        CatalogEntry e = c.entry(Order163Deadlines.DATA_ENTRY).orElseThrow();
        List<CatalogEntry> entries = new ArrayList<>(c.entries());
        entries.add(new CatalogEntry(e.code(), e.names(), e.article(), LocalDate.of(2026, 12, 1), null, e.attributes()));
        assertThatThrownBy(() -> new Order163Deadlines(new ReferenceCatalog(c.catalog(), c.version(), c.source(),
                c.description(), entries), CALENDAR)).hasMessageContaining("in force at once");
    }
}
