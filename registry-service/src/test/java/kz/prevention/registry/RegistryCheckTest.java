package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.approve;
import static kz.prevention.registry.support.RegistryApi.head;
import static kz.prevention.registry.support.RegistryApi.minor;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.registry.support.RegistryApi.removal;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.registry.support.RegistryApi.today;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.TestTokens.role;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import kz.prevention.testing.Iins;
import kz.prevention.testing.TestTokens;

/**
 * The narrow check other systems make (issue 10): is this IIN on the registry, in which category
 * groups, since when — for the registry-check service account only, audited, naming no one.
 */
@QuarkusTest
class RegistryCheckTest {

    private static final String CHECKER = TestTokens.user("service-account-commission-service").roles("registry-check")
            .sign();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPersonWithActiveEntriesIsOnTheRegistryWithTheirGroupsAndTheEarliestStart() {
        Map<String, Object> p = adult();
        String iin = (String) p.get("iin");
        register(officer(ALMATY), registration(p, "PAROLE", ALMATY)).statusCode(201);
        Map<String, Object> later = registration(p, "NEGLIGENT_PARENT", ALMATY);
        later.put("startDate", today().minusDays(1).toString());
        register(officer(ALMATY), later).statusCode(201);

        String answer = check(CHECKER, iin, "commission-case-1").statusCode(200)
                .body("onRegistry", equalTo(true))
                .body("groups", contains("ADULT", "PARENT"))
                .body("since", equalTo(today().minusDays(2).toString()))
                .extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(answer).getMap("")).as("nothing but the three answers")
                .containsOnlyKeys("onRegistry", "groups", "since");
        assertThat(answer).doesNotContain(iin).doesNotContain("Ахметов").doesNotContain(ALMATY).doesNotContain("75-");
    }

    @Test
    void anUnknownIinIsNotOnTheRegistryAndTheAnswerHasNothingElse() {
        String unknown = Iins.of(LocalDate.of(1961, 7, 4), 'F');

        String answer = check(CHECKER, unknown, "commission-case-2").statusCode(200)
                .body("onRegistry", equalTo(false)).extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(answer).getMap("")).containsOnlyKeys("onRegistry");
    }

    @Test
    void aPersonWhoseOnlyEntryWasRemovedIsNotOnTheRegistry() {
        Map<String, Object> p = adult();
        String entry = register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.id");
        check(CHECKER, (String) p.get("iin"), "commission-case-3").statusCode(200).body("onRegistry", equalTo(true));

        approve(head(ALMATY), requested(officer(ALMATY), entry, "removal", removal())).statusCode(200);

        check(CHECKER, (String) p.get("iin"), "commission-case-3").statusCode(200)
                .body("onRegistry", equalTo(false)).body("groups", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aMinorsEntryCountsToo() {
        Map<String, Object> p = minor(15);
        register(juvenile(ALMATY), registration(p, "MINOR_SUBSTANCE_ABUSE", ALMATY)).statusCode(201);

        check(CHECKER, (String) p.get("iin"), "commission-case-4").statusCode(200)
                .body("onRegistry", equalTo(true)).body("groups", contains("MINOR"))
                .body("since", equalTo(today().minusDays(2).toString()));
    }

    @Test
    void anInvalidIinIsA400NamingTheFieldWithoutEchoingIt() {
        String wrongCheckDigit = Iins.withWrongCheckDigit(Iins.of(LocalDate.of(1985, 3, 9), 'M'));
        String answer = check(CHECKER, wrongCheckDigit, "commission-case-5").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("iin")).extract().asString();
        assertThat(answer).doesNotContain(wrongCheckDigit);

        check(CHECKER, "12345", "commission-case-5").statusCode(400).body("errors[0].field", equalTo("iin"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("12345")));
        given().auth().oauth2(CHECKER).header("X-Purpose", "commission-case-5").contentType(ContentType.JSON)
                .body(Map.of()).post("/api/v1/registry-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("iin"));
    }

    @Test
    void aCheckWithoutAPurposeIsA400NamingTheHeader() {
        given().auth().oauth2(CHECKER).contentType(ContentType.JSON).body(Map.of("iin", adult().get("iin")))
                .post("/api/v1/registry-checks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Purpose"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"officer", "juvenile", "supervisor", "authorised-head", "measures-executor",
            "commission-secretary", "commission-member", "analyst", "platform-admin"})
    void everyOtherRoleIsForbidden(String caller) {
        String token = switch (caller) {
            case "officer" -> officer(ALMATY);
            case "juvenile" -> juvenile(ALMATY);
            case "supervisor" -> supervisor();
            case "authorised-head" -> head(ALMATY);
            default -> role(caller, ALMATY);
        };
        check(token, (String) adult().get("iin"), "curiosity").statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutATokenItIsA401() {
        given().contentType(ContentType.JSON).header("X-Purpose", "x").body(Map.of("iin", adult().get("iin")))
                .post("/api/v1/registry-checks").then().statusCode(401);
    }

    @Test
    void everyCheckIsAuditedWithItsPurposeAndThePersonWhenOneWasFound() throws Exception {
        Map<String, Object> p = adult();
        String personId = register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.person.id");
        String found = "found-" + UUID.randomUUID();
        String notFound = "not-found-" + UUID.randomUUID();

        check(CHECKER, (String) p.get("iin"), found).statusCode(200);
        check(CHECKER, Iins.of(LocalDate.of(1958, 11, 30), 'M'), notFound).statusCode(200);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor, actor_roles, action, resource_type, person_id::text, details FROM audit_log WHERE purpose = ?")) {
            ps.setString(1, found);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row for the check that found the person").isTrue();
                assertThat(rs.getString("actor")).isEqualTo("service-account-commission-service");
                assertThat(rs.getString("actor_roles")).isEqualTo("registry-check");
                assertThat(rs.getString("action")).isEqualTo("READ");
                assertThat(rs.getString("resource_type")).isEqualTo("registry-check");
                assertThat(rs.getString("person_id")).isEqualTo(personId);
                assertThat(rs.getString("details")).isEqualTo("POST /api/v1/registry-checks").doesNotContain((String) p.get("iin"));
                assertThat(rs.next()).as("one row per check").isFalse();
            }
            ps.setString(1, notFound);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a check that found no one is an access too").isTrue();
                assertThat(rs.getString("person_id")).isNull();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static ValidatableResponse check(String token, String iin, String purpose) {
        return given().auth().oauth2(token).header("X-Purpose", purpose).contentType(ContentType.JSON)
                .body(Map.of("iin", iin)).post("/api/v1/registry-checks").then();
    }
}
