package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ASTANA;
import static kz.prevention.registry.support.RegistryApi.ASTANA_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.approve;
import static kz.prevention.registry.support.RegistryApi.etag;
import static kz.prevention.registry.support.RegistryApi.head;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.AuthorizedRequests.patch;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.testing.TestTokens.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commons.territory.Today;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.reference.calendar.WorkingDayCalendar;
import kz.prevention.registry.monitoring.DeadlineMonitor;
import kz.prevention.testing.PublishedEvents;

/**
 * The Order 163 deadlines the registry monitors, each counted with the working-day calendar over an
 * interval with a public holiday in it (Nauryz 21–25 March 2026, 7 and 11 May 2026), each raised
 * once as a work item and an {@code entry.deadline-missed} event however often the monitor runs.
 * Where "today" matters the service's clock ({@link Today}) is set for the test.
 */
@QuarkusTest
class Order163DeadlinesTest {

    /** Thursday before Nauryz: 3 working days later is Fri 27 March (20, 26, 27), 5 is Tue 31 March. */
    private static final LocalDate BEFORE_NAURYZ = LocalDate.of(2026, 3, 19);

    private final String token = officer(ALMATY);

    @Inject
    DeadlineMonitor monitor;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReferenceCatalogs catalogs;
    @Inject
    WorkingDayCalendar calendar;

    private static void today(LocalDate day) {
        kz.prevention.registry.support.DeadlineRecords.today(day);
    }

    private static Map<String, Object> groundedOn(String category, LocalDate documentDate, LocalDate start) {
        Map<String, Object> r = registration(adult(), category, ALMATY);
        r.put("groundingDocument", Map.of("type", "COURT_RULING", "number", "2-" + System.nanoTime(),
                "date", documentDate.toString(), "issuer", "Специализированный суд г. Алматы"));
        r.put("startDate", start.toString());
        return r;
    }

    @Test
    void dataEnteredWithinThreeWorkingDaysOverNauryzIsInTime() {
        today(LocalDate.of(2026, 3, 27));
        // Parole: a protective order would have missed its own 24 hours (RESPONSIBLE_OFFICER) by now.
        String id = register(token, groundedOn("PAROLE", BEFORE_NAURYZ, BEFORE_NAURYZ)).statusCode(201)
                .body("lateRegistration", nullValue()).extract().path("entry.id");

        monitor.run(LocalDate.of(2026, 3, 28));
        assertThat(missed(id, Order163Deadlines.DATA_ENTRY)).isEmpty();
        assertThat(deadline(id, Order163Deadlines.DATA_ENTRY)).containsEntry("due_on", "2026-03-27")
                .containsEntry("met_on", "2026-03-27").containsEntry("raised", "false");
    }

    @Test
    void aLateRegistrationIsFlaggedWhenRegisteredAndRaisedOnce() {
        today(LocalDate.of(2026, 3, 30));
        String id = register(token, groundedOn("PROTECTIVE_ORDER", BEFORE_NAURYZ, BEFORE_NAURYZ)).statusCode(201)
                .body("lateRegistration.deadline", equalTo("DATA_ENTRY"))
                .body("lateRegistration.dueDate", equalTo("2026-03-27")).extract().path("entry.id");

        monitor.run(LocalDate.of(2026, 3, 31));
        monitor.run(LocalDate.of(2026, 4, 1));

        assertThat(missed(id, Order163Deadlines.DATA_ENTRY)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-27"))
                .satisfies(e -> assertThat(e.path("rule").asText()).isEqualTo("2026.11.3/2026-03-02"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("Ахметов", "iin", "Специализированный"));
        assertThat(deadline(id, Order163Deadlines.DATA_ENTRY)).containsEntry("met_on", "2026-03-30")
                .containsEntry("raised", "true");
        get(token, "/api/v1/work-items?kind=DATA_ENTRY&size=100").statusCode(200)
                .body("items.findAll { it.entryId == '" + id + "' }", hasSize(1))
                .body("items.find { it.entryId == '" + id + "' }.dueDate", equalTo("2026-03-27"));
    }

    @Test
    void theSupervisionControlPlanIsDueInFiveWorkingDaysAndRaisedOnce() {
        today(BEFORE_NAURYZ);
        String late = registered(token, groundedOn("ADMINISTRATIVE_SUPERVISION", BEFORE_NAURYZ, BEFORE_NAURYZ));
        String planned = registered(token, groundedOn("ADMINISTRATIVE_SUPERVISION", BEFORE_NAURYZ, BEFORE_NAURYZ));
        assertThat(deadline(late, Order163Deadlines.CONTROL_PLAN)).containsEntry("due_on", "2026-03-31");

        today(LocalDate.of(2026, 3, 31));
        patch(token, "/api/v1/entries/" + planned, etag(token, planned), Map.of("riskLevel", "MEDIUM")).statusCode(200);
        monitor.run(LocalDate.of(2026, 3, 31));
        assertThat(missed(late, Order163Deadlines.CONTROL_PLAN)).as("Mon–Fri counting would have raised it on 27 March")
                .isEmpty();
        monitor.run(LocalDate.of(2026, 4, 1));
        monitor.run(LocalDate.of(2026, 4, 2));

        assertThat(missed(late, Order163Deadlines.CONTROL_PLAN)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-31"));
        assertThat(missed(planned, Order163Deadlines.CONTROL_PLAN)).isEmpty();
        assertThat(deadline(planned, Order163Deadlines.CONTROL_PLAN)).containsEntry("met_on", "2026-03-31");
        get(token, "/api/v1/work-items?kind=CONTROL_PLAN&size=100").statusCode(200)
                .body("items.findAll { it.entryId == '" + late + "' }", hasSize(1))
                .body("items.findAll { it.entryId == '" + planned + "' }", hasSize(0));
    }

    @Test
    void aTransfersFileIsDueInThreeWorkingDaysAndTracingAfterFiveEachRaisedOnce() {
        today(BEFORE_NAURYZ);
        String id = registered(token, groundedOn("PROTECTIVE_ORDER", BEFORE_NAURYZ, BEFORE_NAURYZ));
        // The transfer exists once the authorised head approves it (the same day here): the file's days count from then.
        approve(head(ALMATY), requested(token, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT, "reason", "переезд")))
                .statusCode(200);
        get(token, "/api/v1/entries/" + id).statusCode(200).body("pendingTransfer.fileDueDate", equalTo("2026-03-27"));

        monitor.run(LocalDate.of(2026, 3, 27));
        assertThat(missed(id, Order163Deadlines.TRANSFER_FILE)).isEmpty();
        monitor.run(LocalDate.of(2026, 3, 30));
        monitor.run(LocalDate.of(2026, 3, 31));
        assertThat(missed(id, Order163Deadlines.TRANSFER_FILE)).hasSize(1);
        assertThat(missed(id, Order163Deadlines.TRANSFER_TRACING)).as("five working days end on 31 March").isEmpty();
        monitor.run(LocalDate.of(2026, 4, 1));
        monitor.run(LocalDate.of(2026, 4, 2));

        assertThat(missed(id, Order163Deadlines.TRANSFER_TRACING)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-31"));
        assertThat(missed(id, Order163Deadlines.TRANSFER_FILE)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-27"));
        get(token, "/api/v1/work-items?kind=TRANSFER_TRACING&size=100").statusCode(200)
                .body("items.findAll { it.entryId == '" + id + "' }", hasSize(1));

        String astana = officer(ASTANA);
        today(LocalDate.of(2026, 4, 2));
        post(astana, "/api/v1/entries/" + id + "/transfer/acceptance", etag(astana, id), Map.of("registeringBody", "УП",
                "responsibleOfficer", Map.of("name", "x"))).statusCode(200);
        get(astana, "/api/v1/work-items?kind=TRANSFER_TRACING&size=100").statusCode(200)
                .body("items.findAll { it.entryId == '" + id + "' }", hasSize(0));
    }

    @Test
    void monitorsRunningAtOnceRaiseEachDeadlineOnce() throws Exception {
        today(BEFORE_NAURYZ);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(registered(token, groundedOn("ADMINISTRATIVE_SUPERVISION", BEFORE_NAURYZ, BEFORE_NAURYZ)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DeadlineMonitor.Report>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    // As the scheduler runs it: a request context of its own on each thread.
                    io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
                    context.activate();
                    try {
                        return monitor.run(LocalDate.of(2026, 4, 1));
                    } finally {
                        context.terminate();
                    }
                }));
            }
            for (Future<DeadlineMonitor.Report> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(missed(id, Order163Deadlines.CONTROL_PLAN)).as(id).hasSize(1);
        }
    }

    @Test
    void aTransferAcceptedInTimeRaisesNothing() {
        today(BEFORE_NAURYZ);
        String id = registered(token, groundedOn("PROTECTIVE_ORDER", BEFORE_NAURYZ, BEFORE_NAURYZ));
        approve(head(ALMATY), requested(token, id, "transfer", Map.of("toRegion", ASTANA_DISTRICT, "reason", "переезд")))
                .statusCode(200);
        String astana = officer(ASTANA);
        today(LocalDate.of(2026, 3, 26));
        post(astana, "/api/v1/entries/" + id + "/transfer/acceptance", etag(astana, id), Map.of("registeringBody", "УП",
                "responsibleOfficer", Map.of("name", "x"))).statusCode(200);

        monitor.run(LocalDate.of(2026, 4, 2));
        assertThat(missed(id, Order163Deadlines.TRANSFER_FILE)).isEmpty();
        assertThat(missed(id, Order163Deadlines.TRANSFER_TRACING)).isEmpty();
    }

    @Test
    void theExtensionIsDueTwentyCalendarDaysBeforeExpiryHolidaysIncluded() {
        // Ends Fri 10 April 2026: the extension is submitted by 21 March, a Nauryz holiday — calendar days, not moved.
        LocalDate start = LocalDate.of(2026, 3, 11);
        Map<String, Object> r = groundedOn("OFFICIAL_WARNING", start, start);
        r.put("measureEndDate", "2026-04-10");
        String id = registered(token, r);

        monitor.run(LocalDate.of(2026, 3, 20));
        assertThat(events(id, "kz.prevention.registry.entry.term-ending.v1")).isZero();
        monitor.run(LocalDate.of(2026, 3, 21));
        monitor.run(LocalDate.of(2026, 3, 24));
        assertThat(events(id, "kz.prevention.registry.entry.term-ending.v1")).isEqualTo(1);
    }

    @Test
    void theMonthlyCheckAgainstReferenceDatabasesIsRaisedOncePerMonthMissed() {
        String id = registered(token, groundedOn("PROTECTIVE_ORDER", BEFORE_NAURYZ, BEFORE_NAURYZ));

        monitor.run(LocalDate.of(2026, 4, 19));
        assertThat(missed(id, Order163Deadlines.REFERENCE_DATABASE_CHECK)).isEmpty();
        monitor.run(LocalDate.of(2026, 4, 20));
        monitor.run(LocalDate.of(2026, 4, 21));
        assertThat(missed(id, Order163Deadlines.REFERENCE_DATABASE_CHECK)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-04-19"));

        post(token, "/api/v1/entries/" + id + "/controls", null, Map.of("visitDate", "2026-04-22",
                "officer", "x", "form", "REFERENCE_DATABASE_CHECK", "result", "совпадений нет")).statusCode(200);
        get(token, "/api/v1/work-items?kind=REFERENCE_DATABASE_CHECK&size=100").statusCode(200)
                .body("items.findAll { it.entryId == '" + id + "' }", hasSize(0));
        monitor.run(LocalDate.of(2026, 5, 22));
        assertThat(missed(id, Order163Deadlines.REFERENCE_DATABASE_CHECK)).hasSize(1);
        monitor.run(LocalDate.of(2026, 5, 23));
        monitor.run(LocalDate.of(2026, 5, 24));
        assertThat(missed(id, Order163Deadlines.REFERENCE_DATABASE_CHECK)).hasSize(2)
                .extracting(e -> e.path("dueDate").asText()).containsExactly("2026-04-19", "2026-05-22");
    }

    @Test
    void anAmendmentFromTomorrowLeavesTodaysEntriesUnderTheOldRule() {
        // Wed 6 May 2026; from Thu 7 May data must be entered within 5 working days instead of 3.
        LocalDate day = LocalDate.of(2026, 5, 6);
        QuarkusMock.installMockForType(new Order163Deadlines(catalogs.get(Order163Deadlines.CATALOG)
                .amended(Order163Deadlines.DATA_ENTRY, day.plusDays(1), "amount", 5), calendar), Order163Deadlines.class);

        today(day);
        String before = registered(token, groundedOn("PROTECTIVE_ORDER", day, day));
        today(day.plusDays(1));
        String after = registered(token, groundedOn("PROTECTIVE_ORDER", day.plusDays(1), day.plusDays(1)));

        // 6 May + 3: (7 May holiday) 8, (11 May: Victory Day's day off) 12, 13.
        assertThat(deadline(before, Order163Deadlines.DATA_ENTRY)).containsEntry("due_on", "2026-05-13")
                .containsEntry("rule", "amended/2026-03-02");
        // 7 May + 5: 8, 12, 13, 14, 15.
        assertThat(deadline(after, Order163Deadlines.DATA_ENTRY)).containsEntry("due_on", "2026-05-15")
                .containsEntry("rule", "amended/2026-05-07");
    }

    /** Independence Day, Wed 16 December 2026: 5 working days from Mon 14 December are 15, 17, 18, 21, 22; 3 more 23, 24, 25. */
    private static final LocalDate BEFORE_INDEPENDENCE_DAY = LocalDate.of(2026, 12, 14);

    /** An entry started on 10 December 2026 whose early removal the person asked for, requested on 14 December. */
    private String[] earlyRemovalRequested() {
        today(BEFORE_INDEPENDENCE_DAY);
        LocalDate start = LocalDate.of(2026, 12, 10);
        String id = registered(token, groundedOn("SPECIAL_REQUIREMENTS", start, start));
        String approval = requested(token, id, "removal", Map.of("reason", "REFORMED_ON_REQUEST",
                "removalDate", BEFORE_INDEPENDENCE_DAY.toString(), "document", Map.of("type", "POLICE_RESOLUTION",
                        "number", "ПР-" + System.nanoTime(), "date", BEFORE_INDEPENDENCE_DAY.toString(),
                        "issuer", "УП Бостандыкского района ДП г. Алматы")));
        return new String[] {id, approval};
    }

    @Test
    void anEarlyRemovalOnRequestIsCheckedInFiveWorkingDaysAndDecidedInThreeMoreOverIndependenceDay() {
        String[] requested = earlyRemovalRequested();
        String id = requested[0];
        assertThat(deadline(id, Order163Deadlines.EARLY_REMOVAL_CHECK)).containsEntry("due_on", "2026-12-22")
                .containsEntry("met_on", null).containsEntry("rule", "2026.11.3/2026-03-02");
        assertThat(deadline(id, Order163Deadlines.EARLY_REMOVAL_DECISION)).containsEntry("due_on", "2026-12-25")
                .containsEntry("met_on", null);

        monitor.run(LocalDate.of(2026, 12, 22));
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_CHECK)).as("due today, not yet missed").isEmpty();

        monitor.run(LocalDate.of(2026, 12, 23));
        monitor.run(LocalDate.of(2026, 12, 24));
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_CHECK)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-12-22"));
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_DECISION)).isEmpty();

        monitor.run(LocalDate.of(2026, 12, 28));
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_DECISION)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-12-25"));
        get(token, "/api/v1/work-items?entryId=" + id + "&size=100").statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItems("EARLY_REMOVAL_CHECK", "EARLY_REMOVAL_DECISION"));

        // The head decides late: the deadlines are met (late), their work items closed, nothing raised again.
        today(LocalDate.of(2026, 12, 28));
        approve(head(ALMATY), requested[1]).statusCode(200);
        assertThat(deadline(id, Order163Deadlines.EARLY_REMOVAL_CHECK)).containsEntry("met_on", "2026-12-28")
                .containsEntry("raised", "true");
        assertThat(deadline(id, Order163Deadlines.EARLY_REMOVAL_DECISION)).containsEntry("met_on", "2026-12-28");
        get(token, "/api/v1/work-items?entryId=" + id + "&size=100").statusCode(200)
                .body("items.findAll { it.kind.startsWith('EARLY_REMOVAL') }", hasSize(0));
        get(token, "/api/v1/work-items?entryId=" + id + "&open=false&size=100").statusCode(200)
                .body("items.findAll { it.kind.startsWith('EARLY_REMOVAL') }", hasSize(2));
        monitor.run(LocalDate.of(2026, 12, 29));
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_CHECK)).hasSize(1);
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_DECISION)).hasSize(1);
    }

    @Test
    void anEarlyRemovalDecidedInTimeRaisesNothing() {
        String[] requested = earlyRemovalRequested();
        String id = requested[0];

        today(LocalDate.of(2026, 12, 18));
        kz.prevention.registry.support.RegistryApi.reject(head(ALMATY), requested[1], "поведение не изменилось").statusCode(200);

        assertThat(deadline(id, Order163Deadlines.EARLY_REMOVAL_CHECK)).containsEntry("met_on", "2026-12-18")
                .containsEntry("raised", "false");
        assertThat(deadline(id, Order163Deadlines.EARLY_REMOVAL_DECISION)).containsEntry("met_on", "2026-12-18");
        monitor.run(LocalDate.of(2026, 12, 29));
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_CHECK)).isEmpty();
        assertThat(missed(id, Order163Deadlines.EARLY_REMOVAL_DECISION)).isEmpty();
    }

    @Test
    void aRemovalOnAnotherGroundStartsNoEarlyRemovalDeadline() throws Exception {
        today(BEFORE_INDEPENDENCE_DAY);
        LocalDate start = LocalDate.of(2026, 12, 10);
        String id = registered(token, groundedOn("SPECIAL_REQUIREMENTS", start, start));
        requested(token, id, "removal", Map.of("reason", "REFORMED", "removalDate", BEFORE_INDEPENDENCE_DAY.toString(),
                "document", Map.of("type", "POLICE_RESOLUTION", "number", "ПР-" + System.nanoTime(),
                        "date", BEFORE_INDEPENDENCE_DAY.toString(), "issuer", "УП Бостандыкского района ДП г. Алматы")));

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from entry_deadline where entry_id = ? and code like 'EARLY_REMOVAL%'")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private List<JsonNode> missed(String entryId, String code) {
        return kz.prevention.registry.support.DeadlineRecords.missed(dataSource, entryId, code);
    }

    private long events(String entryId, String type) {
        return PublishedEvents.count("prevention.registry.entries", dataSource, entryId, type);
    }

    private Map<String, String> deadline(String entryId, String code) {
        return kz.prevention.registry.support.DeadlineRecords.deadline(dataSource, entryId, code);
    }
}
