package kz.prevention.commission;

import static kz.prevention.commission.support.Assistants.adultIin;
import static kz.prevention.commission.support.Assistants.akimat;
import static kz.prevention.commission.support.Assistants.application;
import static kz.prevention.commission.support.Assistants.file;
import static kz.prevention.commission.support.Assistants.police;
import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.Assistants;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.commission.support.Registry;
import kz.prevention.commission.support.Sitting;
import kz.prevention.commons.identity.Iin;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.Iins;
import kz.prevention.testing.PublishedEvents;

/**
 * Public assistants end to end on the real database and broker, with registry-service and Keycloak's
 * token endpoint served by {@link kz.prevention.commission.support.RegistryDouble}: the application,
 * the registry's narrow check (with the service account's bearer token and the purpose header), the
 * akimat's registration within 7 working days (a holiday inside), the registry down, rewards within
 * the maslikhat's budget, and events without personal data.
 */
@QuarkusTest
class PublicAssistantsTest {

    private static final String TOPIC = "prevention.commission.public-assistants";
    private static final String PATH = "/api/v1/public-assistants/";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEligibleAdultIsRegisteredAndTheSevenWorkingDaysSkipTheHoliday() throws Exception {
        String district = freshDistrict();
        String iin = adultIin();
        // Thu 22 Oct 2026: Republic Day (Sun 25 Oct) moves the day off to Mon 26 Oct, so the 7th working day is 3 Nov.
        String id = file(district, application(iin, district, LocalDate.of(2026, 10, 22))).statusCode(201)
                .body("status", equalTo("ELIGIBLE")).body("registrationDue", equalTo("2026-11-03"))
                .body("district", equalTo(district)).body("registry.onRegistry", equalTo(false))
                .body("declared.declaredBy", equalTo("officer." + district)).extract().path("id");

        List<String[]> checks = Registry.checksOf(iin);
        assertThat(checks).as("the registry was asked once").hasSize(1);
        assertThat(checks.get(0)[1]).as("with the service account's bearer token").startsWith("Bearer svc-token-");
        assertThat(checks.get(0)[2]).as("and the purpose").isEqualTo("public-assistant-eligibility");

        boolean late = today().isAfter(LocalDate.of(2026, 11, 3));
        AuthorizedRequests.get(akimat(district), PATH + "?overdue=true").statusCode(200)
                .body("items.id", late ? hasItem(id) : not(hasItem(id)));
        AuthorizedRequests.post(akimat(district), PATH + id + "/registration", null, Map.of()).statusCode(200)
                .body("status", equalTo("REGISTERED")).body("registeredOn", equalTo(today().toString()));
        AuthorizedRequests.get(akimat(district), PATH + "?overdue=true").statusCode(200).body("items.id", not(hasItem(id)));

        JsonNode event = only(PublishedEvents.on(TOPIC, dataSource), id, "kz.prevention.commission.assistant.registered.v1");
        assertThat(event.path("data").path("district").asText()).isEqualTo(district);
        assertThat(event.path("data").path("registrationDue").asText()).isEqualTo("2026-11-03");
        assertThat(event.path("data").path("onTime").asBoolean()).isEqualTo(!late);
        assertThat(event.path("data").path("deadlineRule").asText()).isEqualTo("2026.11.1/2026-01-01");
        assertNoPersonalData(event, iin);
    }

    @Test
    void aRegistryThatIsDownLeavesTheApplicationPendingAndARecheckCompletesIt() {
        String district = freshDistrict();
        String iin = adultIin();
        Registry.answers(iin, "DOWN");
        String id = file(district, application(iin, district, null)).statusCode(201)
                .body("status", equalTo("PENDING_CHECK")).body("registry.problem", containsString("503"))
                .body("registry.onRegistry", equalTo(null)).extract().path("id");
        AuthorizedRequests.post(akimat(district), PATH + id + "/registration", null, Map.of()).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("re-check"));

        Registry.answers(iin, "OFF");
        AuthorizedRequests.post(police(district), PATH + id + "/registry-check", null, Map.of()).statusCode(200)
                .body("status", equalTo("ELIGIBLE")).body("registry.problem", equalTo(null));
        AuthorizedRequests.post(akimat(district), PATH + id + "/registration", null, Map.of()).statusCode(200)
                .body("status", equalTo("REGISTERED"));
        assertThat(Registry.checksOf(iin)).hasSize(2);
    }

    @Test
    void aCitizenOnTheRegistryIsIneligibleAndTheAkimatCanOnlyRefuse() {
        String district = freshDistrict();
        String iin = adultIin();
        Registry.answers(iin, "ON");
        String id = file(district, application(iin, district, null)).statusCode(201)
                .body("status", equalTo("INELIGIBLE")).body("ineligibleReasons", equalTo(List.of("ON_PREVENTIVE_REGISTRY")))
                .extract().path("id");
        AuthorizedRequests.post(akimat(district), PATH + id + "/registration", null, Map.of()).statusCode(409);
        AuthorizedRequests.post(akimat(district), PATH + id + "/refusal", null, Map.of("reason", "состоит на профилактическом учёте"))
                .statusCode(200).body("status", equalTo("REFUSED"));
        AuthorizedRequests.post(akimat(district), PATH + id + "/refusal", null, Map.of("reason", "ещё раз")).statusCode(409);
    }

    @Test
    void aMinorIsIneligibleAndTheRegistryIsNotAskedAboutThem() {
        String district = freshDistrict();
        String iin = Iins.of(today().minusYears(16), 'M');
        file(district, application(iin, district, null)).statusCode(201).body("status", equalTo("INELIGIBLE"))
                .body("ineligibleReasons", equalTo(List.of("MINOR")));
        assertThat(Registry.checksOf(iin)).isEmpty();
    }

    @Test
    void anInvalidIinOrAnAddressOutsideTheOfficersTerritoryIsRefused() {
        String district = freshDistrict();
        file(district, application(Iins.withWrongCheckDigit(adultIin()), district, null)).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("iin"));
        file(district, application(adultIin(), freshDistrict(), null)).statusCode(403);
    }

    @Test
    void readingAnApplicantIsAuditedAndAnotherDistrictsAkimatDoesNotSeeIt() throws Exception {
        String district = freshDistrict();
        String id = file(district, application(adultIin(), district, null)).statusCode(201).extract().path("id");
        AuthorizedRequests.get(akimat(district), PATH + id).statusCode(200).header("ETag", equalTo("\"1\""));
        AuthorizedRequests.get(akimat(freshDistrict()), PATH + id).statusCode(404);
        assertThat(count("SELECT count(*) FROM audit_log WHERE resource_id = ? AND action = 'READ' AND person_id::text = ?", id, id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE resource_id = ? AND action = 'DENIED'", id)).isEqualTo(1);
    }

    @Test
    void aRewardWithinTheBudgetIsGrantedAndOneOverWhatRemainsIsRefused() throws Exception {
        String district = freshDistrict();
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", district, 1);
        String budget = "/api/v1/commissions/" + c.id() + "/assistant-budgets/" + today().getYear();
        AuthorizedRequests.post(akimat(district), PATH + Assistants.registered(district) + "/rewards", null,
                Map.of("amount", 10_000, "reason", "раскрытие кражи")).statusCode(422).body("detail", containsString("budget"));
        io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json")
                .body(Map.of("amount", 100_000, "maslikhatDecision", Map.of("number", "45/312", "date", "2026-01-20")))
                .put(budget).then().statusCode(200).body("remaining", equalTo(100_000));
        String assistant = Assistants.registered(district);

        String item = AuthorizedRequests.post(akimat(district), PATH + assistant + "/rewards", null,
                Map.of("amount", 60_000, "reason", "помощь в раскрытии кражи")).statusCode(201)
                .body("status", equalTo("PROPOSED")).extract().path("agendaItemId");
        AuthorizedRequests.post(akimat(district), PATH + assistant + "/rewards", null,
                Map.of("amount", 50_000, "reason", "охрана общественного порядка")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("remaining budget"));
        AuthorizedRequests.get(c.secretaryToken(), budget).statusCode(200).body("reserved", equalTo(60_000))
                .body("remaining", equalTo(40_000));

        Sitting s = Sitting.today(c);
        s.accept(item);
        s.draft(item, "Поощрить общественного помощника", List.of()).statusCode(201);
        s.present(4);
        for (int i = 0; i < 3; i++) {
            s.vote(s.member(i), item, "FOR").statusCode(200);
        }
        s.signOff(s.member(0)).statusCode(200);

        AuthorizedRequests.get(akimat(district), PATH + assistant + "/rewards").statusCode(200)
                .body("status", equalTo(List.of("GRANTED"))).body("[0].amount", equalTo(60_000));
        AuthorizedRequests.get(c.secretaryToken(), budget).statusCode(200).body("granted", equalTo(60_000))
                .body("reserved", equalTo(0)).body("remaining", equalTo(40_000));
        JsonNode event = only(PublishedEvents.on(TOPIC, dataSource), assistant, "kz.prevention.commission.assistant.rewarded.v1");
        assertThat(event.path("data").path("amount").asLong()).isEqualTo(60_000);
        assertThat(event.path("data").path("commissionId").asText()).isEqualTo(c.id());
        String iin = AuthorizedRequests.get(akimat(district), PATH + assistant).statusCode(200).extract().path("iin");
        assertNoPersonalData(event, iin);
    }

    @Test
    void aRewardWhoseItemTheSecretaryDismissesIsDismissedAndReservesNothing() {
        String district = freshDistrict();
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", district, 1);
        String budget = "/api/v1/commissions/" + c.id() + "/assistant-budgets/" + today().getYear();
        io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json")
                .body(Map.of("amount", 50_000, "maslikhatDecision", Map.of("number", "45/312", "date", "2026-01-20")))
                .put(budget).then().statusCode(200);
        String assistant = Assistants.registered(district);
        String item = AuthorizedRequests.post(akimat(district), PATH + assistant + "/rewards", null,
                Map.of("amount", 30_000, "reason", "помощь полиции")).statusCode(201).extract().path("agendaItemId");
        AuthorizedRequests.get(c.secretaryToken(), budget).statusCode(200).body("reserved", equalTo(30_000));

        AuthorizedRequests.post(c.secretaryToken(), "/api/v1/agenda-items/" + item + "/dismissal", null,
                Map.of("reason", "поощрение предусмотрено приказом начальника полиции")).statusCode(200)
                .body("status", equalTo("DISMISSED"));

        AuthorizedRequests.get(akimat(district), PATH + assistant + "/rewards").statusCode(200)
                .body("status", equalTo(List.of("DISMISSED")));
        AuthorizedRequests.get(c.secretaryToken(), budget).statusCode(200).body("reserved", equalTo(0))
                .body("remaining", equalTo(50_000));
    }

    @Test
    void theBudgetCannotBeSetBelowWhatIsGrantedAndProposed() {
        String district = freshDistrict();
        Built c = commission("INTERDEPARTMENTAL", "DISTRICT", district, 1);
        String budget = "/api/v1/commissions/" + c.id() + "/assistant-budgets/" + today().getYear();
        String etag = io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json")
                .body(Map.of("amount", 50_000, "maslikhatDecision", Map.of("number", "45/312", "date", "2026-01-20")))
                .put(budget).then().statusCode(200).extract().header("ETag");
        AuthorizedRequests.post(akimat(district), PATH + Assistants.registered(district) + "/rewards", null,
                Map.of("amount", 30_000, "reason", "помощь полиции")).statusCode(201);
        io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json")
                .body(Map.of("amount", 20_000, "maslikhatDecision", Map.of("number", "45/313", "date", "2026-03-20")))
                .put(budget).then().statusCode(428);
        io.restassured.RestAssured.given().auth().oauth2(c.secretaryToken()).contentType("application/json").header("If-Match", etag)
                .body(Map.of("amount", 20_000, "maslikhatDecision", Map.of("number", "45/313", "date", "2026-03-20")))
                .put(budget).then().statusCode(409).contentType("application/problem+json");
    }

    private static JsonNode only(List<JsonNode> events, String subject, String type) {
        List<JsonNode> found = events.stream().filter(e -> subject.equals(e.path("subject").asText())
                && type.equals(e.path("type").asText())).toList();
        assertThat(found).as(type + " about " + subject).hasSize(1);
        return found.get(0);
    }

    /** No IIN, no names, no birth date anywhere in the envelope. */
    private static void assertNoPersonalData(JsonNode event, String iin) {
        String json = event.toString();
        LocalDate born = Iin.parse(iin).iin().birthDate();
        assertThat(json).doesNotContain(iin, "Жұмабекова", "Әлия", "Серікқызы", born.toString(), "lastName", "firstName");
    }

    private long count(String sql, String... args) throws Exception {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
