package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.TestTokens.officer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commons.territory.Today;
import kz.prevention.reference.ReferenceCatalogs;

/**
 * The law's lists are dated data (issue 10): an amendment of individual-measures dated tomorrow leaves
 * the entries of today under the old rule — checked by it and recording it — and puts tomorrow's under
 * the new one. The amendment is data (a catalog version from a date), not code.
 */
@QuarkusTest
class CatalogAmendmentTest {

    /** Wed 10 June 2026; from Thu 11 June a protective order may last 45 days instead of 30. */
    private static final LocalDate DAY = LocalDate.of(2026, 6, 10);

    private final String token = officer(ALMATY);

    @Inject
    ReferenceCatalogs catalogs;

    @Test
    void aTermAmendedFromTomorrowLeavesTodaysEntriesUnderTheOldRule() {
        QuarkusMock.installMockForType(catalogs.with(catalogs.get(ReferenceCatalogs.INDIVIDUAL_MEASURES)
                .amended("PROTECTIVE_ORDER", DAY.plusDays(1), "maxTermDays", 45)), ReferenceCatalogs.class);

        today(DAY);
        register(token, protectiveOrder(DAY, DAY.plusDays(45))).statusCode(422)
                .body("errors[0].field", equalTo("measureEndDate")).body("errors[0].message", containsString("30 days"));
        String before = registered(token, protectiveOrder(DAY, DAY.plusDays(30)));

        today(DAY.plusDays(1));
        String after = registered(token, protectiveOrder(DAY.plusDays(1), DAY.plusDays(46)));
        // Registered tomorrow but started today: today's rule still applies to it.
        register(token, protectiveOrder(DAY, DAY.plusDays(45))).statusCode(422);

        get(token, "/api/v1/entries/" + before).statusCode(200)
                .body("rules.measure", equalTo("amended/2026-03-02")).body("measureEndDate", equalTo("2026-07-10"));
        get(token, "/api/v1/entries/" + after).statusCode(200)
                .body("rules.measure", equalTo("amended/2026-06-11")).body("measureEndDate", equalTo("2026-07-26"));
    }

    @Test
    void anEntryRecordsTheCatalogVersionsItWasDecidedUnder() {
        String id = registered(token, registration(adult(), "PROTECTIVE_ORDER", ALMATY));
        String categories = catalogs.get(ReferenceCatalogs.REGISTRY_CATEGORIES).version();
        String measures = catalogs.get(ReferenceCatalogs.INDIVIDUAL_MEASURES).version();

        get(token, "/api/v1/entries/" + id).statusCode(200)
                .body("rules.category", equalTo(categories + "/2026-03-02"))
                .body("rules.measure", equalTo(measures + "/2026-03-02"));
    }

    private static Map<String, Object> protectiveOrder(LocalDate start, LocalDate end) {
        Map<String, Object> r = registration(adult(), "PROTECTIVE_ORDER", ALMATY);
        r.put("groundingDocument", Map.of("type", "PROTECTIVE_ORDER", "number", "ЗП-" + System.nanoTime(),
                "date", start.toString(), "issuer", "УП Бостандыкского района ДП г. Алматы"));
        r.put("startDate", start.toString());
        r.put("measureEndDate", end.toString());
        return r;
    }

    private static void today(LocalDate day) {
        QuarkusMock.installMockForType(new Today(ZoneId.of("Asia/Almaty")) {
            @Override
            public LocalDate date() {
                return day;
            }
        }, Today.class);
    }
}
