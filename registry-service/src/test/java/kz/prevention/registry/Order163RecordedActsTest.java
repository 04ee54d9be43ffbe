package kz.prevention.registry;

import static kz.prevention.registry.support.DeadlineRecords.today;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.etag;
import static kz.prevention.registry.support.RegistryApi.head;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.testing.TestTokens.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.registry.monitoring.DeadlineMonitor;
import kz.prevention.registry.support.DeadlineRecords;

/**
 * The four Order 163 deadlines met by acts the registry records since catalog 2026.11.3: the
 * responsible officer named (24 h from a protective order), special requirements registered (3 calendar
 * days from the ruling's receipt), the warning's copy to the prosecutor (24 h) and the deputy chief's
 * quarterly file review. Each interval holds a public holiday — Nauryz (21–25 March 2026 off) or
 * Independence Day (16 December 2026) — which hours, calendar days and months do not skip.
 */
@QuarkusTest
class Order163RecordedActsTest {

    /** Friday before Nauryz: 24 hours later is Saturday 21 March, the first day of Nauryz. */
    private static final LocalDate FRIDAY_BEFORE_NAURYZ = LocalDate.of(2026, 3, 20);
    private static final LocalDate NAURYZ_MONDAY = LocalDate.of(2026, 3, 23);

    private final String token = officer(ALMATY);

    @Inject
    DeadlineMonitor monitor;
    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> groundedOn(String category, String docType, LocalDate documentDate, LocalDate start) {
        Map<String, Object> r = registration(adult(), category, ALMATY);
        r.put("groundingDocument", Map.of("type", docType, "number", "Д-" + System.nanoTime(),
                "date", documentDate.toString(), "issuer", "УП Бостандыкского района ДП г. Алматы"));
        r.put("startDate", start.toString());
        return r;
    }

    @Test
    void theResponsibleOfficerIsDueTwentyFourHoursAfterTheProtectiveOrderAndNauryzDoesNotExtendThem() {
        // Named the next day — a holiday — is in time: the order's hour is not held, so its 24 h end with the next day.
        today(FRIDAY_BEFORE_NAURYZ.plusDays(1));
        String inTime = register(token, groundedOn("PROTECTIVE_ORDER", "PROTECTIVE_ORDER", FRIDAY_BEFORE_NAURYZ,
                FRIDAY_BEFORE_NAURYZ)).statusCode(201).body("lateRegistration", nullValue())
                .body("lateDeadlines", hasSize(0)).extract().path("entry.id");
        // Named on Monday 23 March: working-day counting would still be in time (Nauryz is off); hours are not.
        today(NAURYZ_MONDAY);
        String late = register(token, groundedOn("PROTECTIVE_ORDER", "PROTECTIVE_ORDER", FRIDAY_BEFORE_NAURYZ,
                FRIDAY_BEFORE_NAURYZ)).statusCode(201)
                .body("lateRegistration.deadline", equalTo("RESPONSIBLE_OFFICER"))
                .body("lateRegistration.dueDate", equalTo("2026-03-21")).extract().path("entry.id");

        monitor.run(NAURYZ_MONDAY.plusDays(1));
        monitor.run(NAURYZ_MONDAY.plusDays(2));

        assertThat(DeadlineRecords.deadline(dataSource, inTime, Order163Deadlines.RESPONSIBLE_OFFICER))
                .containsEntry("due_on", "2026-03-21").containsEntry("met_on", "2026-03-21").containsEntry("raised", "false");
        assertThat(missed(inTime, Order163Deadlines.RESPONSIBLE_OFFICER)).isEmpty();
        assertThat(missed(late, Order163Deadlines.RESPONSIBLE_OFFICER)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-21"))
                .satisfies(e -> assertThat(e.path("rule").asText()).isEqualTo("2026.11.3/2026-03-02"));
        get(token, "/api/v1/work-items?kind=RESPONSIBLE_OFFICER&entryId=" + late).statusCode(200)
                .body("items", hasSize(1)).body("items[0].dueDate", equalTo("2026-03-21"));
    }

    @Test
    void anEntryOfAnotherCategoryHasNoResponsibleOfficerOrSpecialRequirementsDeadline() {
        today(FRIDAY_BEFORE_NAURYZ);
        String id = registered(token, groundedOn("PAROLE", "PAROLE_RULING", FRIDAY_BEFORE_NAURYZ, FRIDAY_BEFORE_NAURYZ));
        assertThat(DeadlineRecords.rows(dataSource, id, Order163Deadlines.RESPONSIBLE_OFFICER)).isZero();
        assertThat(DeadlineRecords.rows(dataSource, id, Order163Deadlines.SPECIAL_REQUIREMENTS_REGISTRATION)).isZero();
        assertThat(DeadlineRecords.rows(dataSource, id, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR)).isZero();
    }

    @Test
    void specialRequirementsAreRegisteredWithinThreeCalendarDaysOfReceiptAndNauryzDoesNotExtendThem() {
        LocalDate ruling = LocalDate.of(2026, 3, 18);
        LocalDate received = LocalDate.of(2026, 3, 19);
        // Received Thursday 19 March: due Sunday 22 March, inside Nauryz.
        today(LocalDate.of(2026, 3, 22));
        Map<String, Object> onTime = groundedOn("SPECIAL_REQUIREMENTS", "COURT_RULING", ruling, ruling);
        onTime.put("receivedOn", received.toString());
        String inTime = register(token, onTime).statusCode(201).body("lateDeadlines", hasSize(0))
                .body("entry.groundingDocumentReceivedOn", equalTo("2026-03-19")).extract().path("entry.id");

        // Registered on Tuesday 24 March: three working days would run to 27 March; three calendar days ended on the 22nd.
        today(LocalDate.of(2026, 3, 24));
        Map<String, Object> tooLate = groundedOn("SPECIAL_REQUIREMENTS", "COURT_RULING", ruling, ruling);
        tooLate.put("receivedOn", received.toString());
        String late = register(token, tooLate).statusCode(201)
                .body("lateDeadlines.deadline", equalTo(List.of("SPECIAL_REQUIREMENTS_REGISTRATION")))
                .body("lateRegistration.dueDate", equalTo("2026-03-22")).extract().path("entry.id");
        monitor.run(LocalDate.of(2026, 3, 25));
        monitor.run(LocalDate.of(2026, 3, 26));

        assertThat(missed(inTime, Order163Deadlines.SPECIAL_REQUIREMENTS_REGISTRATION)).isEmpty();
        assertThat(missed(late, Order163Deadlines.SPECIAL_REQUIREMENTS_REGISTRATION)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-22"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("Ахметов", "iin", "УП Бостандыкского"));
        get(token, "/api/v1/work-items?kind=SPECIAL_REQUIREMENTS_REGISTRATION&entryId=" + late).statusCode(200)
                .body("items", hasSize(1));
        get(token, "/api/v1/entries/" + late + "/history").statusCode(200)
                .body("action", hasItem("RAISED_SPECIAL_REQUIREMENTS_REGISTRATION"));
    }

    @Test
    void withoutAReceiptDateTheRulingsDateCountsAndAReceiptBeforeTheRulingIsRefused() {
        LocalDate ruling = LocalDate.of(2026, 3, 19);
        today(LocalDate.of(2026, 3, 23));
        String id = register(token, groundedOn("SPECIAL_REQUIREMENTS", "COURT_RULING", ruling, ruling)).statusCode(201)
                .body("lateDeadlines.deadline", equalTo(List.of("SPECIAL_REQUIREMENTS_REGISTRATION")))
                .extract().path("entry.id");
        assertThat(DeadlineRecords.deadline(dataSource, id, Order163Deadlines.SPECIAL_REQUIREMENTS_REGISTRATION))
                .containsEntry("due_on", "2026-03-22").containsEntry("raised", "true");

        Map<String, Object> before = groundedOn("SPECIAL_REQUIREMENTS", "COURT_RULING", ruling, ruling);
        before.put("receivedOn", ruling.minusDays(1).toString());
        register(token, before).statusCode(400).body("errors[0].field", equalTo("receivedOn"));
    }

    @Test
    void theWarningsCopyIsDueTwentyFourHoursAfterTheWarningAndNauryzDoesNotExtendThem() {
        today(FRIDAY_BEFORE_NAURYZ);
        String late = registered(token, groundedOn("OFFICIAL_WARNING", "OFFICIAL_WARNING", FRIDAY_BEFORE_NAURYZ,
                FRIDAY_BEFORE_NAURYZ));
        String sentOnTheHoliday = registered(token, groundedOn("OFFICIAL_WARNING", "OFFICIAL_WARNING",
                FRIDAY_BEFORE_NAURYZ, FRIDAY_BEFORE_NAURYZ));
        assertThat(DeadlineRecords.deadline(dataSource, late, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR))
                .containsEntry("due_on", "2026-03-21").containsEntry("met_on", null);

        today(LocalDate.of(2026, 3, 21));
        post(token, "/api/v1/entries/" + sentOnTheHoliday + "/prosecutor-copy", etag(token, sentOnTheHoliday),
                Map.of("sentOn", "2026-03-21", "outgoingNumber", "исх. 12-3/1")).statusCode(200)
                .body("prosecutorCopy.sentOn", equalTo("2026-03-21"));
        monitor.run(LocalDate.of(2026, 3, 21));
        assertThat(missed(late, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR)).as("due today, not yet missed").isEmpty();
        monitor.run(LocalDate.of(2026, 3, 22));
        monitor.run(NAURYZ_MONDAY);

        assertThat(missed(late, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-21"));
        assertThat(missed(sentOnTheHoliday, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR)).isEmpty();
        get(token, "/api/v1/work-items?kind=WARNING_COPY_TO_PROSECUTOR&entryId=" + late).statusCode(200)
                .body("items", hasSize(1));

        // Sent late: recorded, the work item closed, the miss stays on record; a second copy is a conflict.
        today(LocalDate.of(2026, 3, 24));
        post(token, "/api/v1/entries/" + late + "/prosecutor-copy", null,
                Map.of("sentOn", "2026-03-24", "outgoingNumber", "исх. 12-3/2")).statusCode(428);
        post(token, "/api/v1/entries/" + late + "/prosecutor-copy", etag(token, late),
                Map.of("sentOn", "2026-03-24", "outgoingNumber", "исх. 12-3/2")).statusCode(200)
                .body("prosecutorCopy.outgoingNumber", equalTo("исх. 12-3/2"));
        post(token, "/api/v1/entries/" + late + "/prosecutor-copy", etag(token, late),
                Map.of("sentOn", "2026-03-24", "outgoingNumber", "исх. 12-3/3")).statusCode(409)
                .contentType("application/problem+json");
        assertThat(DeadlineRecords.deadline(dataSource, late, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR))
                .containsEntry("met_on", "2026-03-24").containsEntry("raised", "true");
        get(token, "/api/v1/work-items?kind=WARNING_COPY_TO_PROSECUTOR&entryId=" + late).statusCode(200)
                .body("items", hasSize(0));
        get(token, "/api/v1/entries/" + late + "/history").statusCode(200).body("action", hasItem("PROSECUTOR_COPY_SENT"));
        monitor.run(LocalDate.of(2026, 3, 26));
        assertThat(missed(late, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR)).hasSize(1);
    }

    @Test
    void onlyAnOfficialWarningHasACopyForTheProsecutor() {
        today(FRIDAY_BEFORE_NAURYZ);
        String id = registered(token, groundedOn("PROTECTIVE_ORDER", "PROTECTIVE_ORDER", FRIDAY_BEFORE_NAURYZ,
                FRIDAY_BEFORE_NAURYZ));
        post(token, "/api/v1/entries/" + id + "/prosecutor-copy", etag(token, id),
                Map.of("sentOn", FRIDAY_BEFORE_NAURYZ.toString(), "outgoingNumber", "исх. 1")).statusCode(422)
                .contentType("application/problem+json");
    }

    /** Started Wednesday 16 September 2026: the quarter ends on Independence Day, 16 December, and is not moved. */
    @Test
    void theFileReviewIsDueEachQuarterEvenOnAHolidayRecordedOnlyByAHeadAndStartsTheNextQuarter() throws Exception {
        LocalDate start = LocalDate.of(2026, 9, 16);
        today(start);
        String id = registered(token, groundedOn("SPECIAL_REQUIREMENTS", "COURT_RULING", start, start));

        monitor.run(LocalDate.of(2026, 12, 16));
        assertThat(missed(id, Order163Deadlines.FILE_REVIEW)).as("due on the holiday itself, not yet missed").isEmpty();
        runAtOnce(LocalDate.of(2026, 12, 17), 3);
        monitor.run(LocalDate.of(2026, 12, 18));
        assertThat(missed(id, Order163Deadlines.FILE_REVIEW)).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asText()).isEqualTo("2026-12-16"));
        get(token, "/api/v1/work-items?kind=FILE_REVIEW&entryId=" + id).statusCode(200).body("items", hasSize(1));

        today(LocalDate.of(2026, 12, 18));
        Map<String, Object> review = Map.of("reviewedOn", "2026-12-18", "findings", "контроль ведётся, замечаний нет");
        post(token, "/api/v1/entries/" + id + "/file-reviews", null, review).statusCode(403)
                .contentType("application/problem+json");
        post(head(ALMATY), "/api/v1/entries/" + id + "/file-reviews", null, review).statusCode(201)
                .body("reviewer", equalTo("head." + ALMATY)).body("reviewerUnit", equalTo(ALMATY));

        get(token, "/api/v1/work-items?kind=FILE_REVIEW&entryId=" + id).statusCode(200).body("items", hasSize(0));
        get(token, "/api/v1/entries/" + id + "/file-reviews").statusCode(200).body("reviewedOn", equalTo(List.of("2026-12-18")));
        get(token, "/api/v1/entries/" + id + "/history").statusCode(200).body("action", hasItem("FILE_REVIEWED"));
        // The next quarter counts from the review: due Thursday 18 March 2027.
        monitor.run(LocalDate.of(2027, 3, 18));
        assertThat(missed(id, Order163Deadlines.FILE_REVIEW)).hasSize(1);
        monitor.run(LocalDate.of(2027, 3, 19));
        assertThat(missed(id, Order163Deadlines.FILE_REVIEW)).extracting(e -> e.path("dueDate").asText())
                .containsExactly("2026-12-16", "2027-03-18");
    }

    /** Monitors running at once, each with its own request context as the scheduler gives it. */
    private void runAtOnce(LocalDate day, int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<DeadlineMonitor.Report>> all = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                all.add(pool.submit(() -> {
                    io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
                    context.activate();
                    try {
                        return monitor.run(day);
                    } finally {
                        context.terminate();
                    }
                }));
            }
            for (Future<DeadlineMonitor.Report> run : all) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<JsonNode> missed(String entryId, String code) {
        return DeadlineRecords.missed(dataSource, entryId, code);
    }
}
