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
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.TestTokens.role;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kz.prevention.testing.TestTokens;

/**
 * The narrow summary measures-service asks for an executing organisation (issue 10): name and age
 * of a person with an active entry, for the registry-summary service account only, with the
 * organisation and purpose in the audit row; a bare 404 for anyone else.
 */
@QuarkusTest
class PersonSummaryTest {

    private static final String MEASURES = TestTokens.user("service-account-measures-service").roles("registry-summary")
            .sign();
    private static final String SCHOOL = "990540004566";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPersonWithAnActiveEntryIsNamedWithTheirAgeOnlyAndTheReadIsAuditedWithTheOrganisation() throws Exception {
        Map<String, Object> child = minor(15);
        String personId = register(juvenile(ALMATY), registration(child, "MINOR_SUBSTANCE_ABUSE", ALMATY)).statusCode(201)
                .extract().path("entry.person.id");
        String purpose = "executing measure " + UUID.randomUUID();

        String answer = summary(MEASURES, personId, SCHOOL, purpose).statusCode(200)
                .body("name", equalTo("Ахметов Данияр Серикович")).body("age", equalTo(15)).extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(answer).getMap("")).as("nothing but name and age")
                .containsOnlyKeys("name", "age");
        assertThat(answer).doesNotContain((String) child.get("iin")).doesNotContain(personId).doesNotContain(SCHOOL);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor, actor_roles, action, resource_type, person_id::text, details FROM audit_log WHERE purpose = ?")) {
            ps.setString(1, purpose);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("actor")).isEqualTo("service-account-measures-service");
                assertThat(rs.getString("action")).isEqualTo("READ");
                assertThat(rs.getString("resource_type")).isEqualTo("person-summary");
                assertThat(rs.getString("person_id")).isEqualTo(personId);
                assertThat(rs.getString("details")).endsWith("for organisation " + SCHOOL);
                assertThat(rs.next()).as("one row per summary").isFalse();
            }
        }
    }

    @Test
    void aRemovedPersonAndAnUnknownOneGetTheSameBare404AndTheRefusalIsAudited() throws Exception {
        Map<String, Object> p = adult();
        var registered = register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(201).extract();
        String personId = registered.path("entry.person.id");
        approve(head(ALMATY), requested(officer(ALMATY), registered.path("entry.id"), "removal", removal())).statusCode(200);
        String purpose = "executing measure " + UUID.randomUUID();

        String removed = summary(MEASURES, personId, SCHOOL, purpose).statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String unknown = summary(MEASURES, UUID.randomUUID().toString(), SCHOOL, "x").statusCode(404).extract().asString();
        assertThat(removed).doesNotContain("Ахметов").doesNotContain("entry");
        assertThat(io.restassured.path.json.JsonPath.from(removed).getString("detail").replace(personId, "?"))
                .isEqualTo(io.restassured.path.json.JsonPath.from(unknown).getString("detail").replaceAll("[0-9a-f-]{36}", "?"));

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT action, person_id::text, details FROM audit_log WHERE purpose = ?")) {
            ps.setString(1, purpose);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("action")).isEqualTo("DENIED");
                assertThat(rs.getString("person_id")).isEqualTo(personId);
                assertThat(rs.getString("details")).contains("for organisation " + SCHOOL);
            }
        }
    }

    @Test
    void thePurposeAndACatalogOrganisationAreRequiredBeforeThePersonIsLookedAt() {
        String unknownPerson = UUID.randomUUID().toString();
        given().auth().oauth2(MEASURES).queryParam("organisation", SCHOOL).get("/api/v1/person-summaries/" + unknownPerson)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Purpose"));
        summary(MEASURES, unknownPerson, null, "x").statusCode(400).body("errors[0].field", equalTo("organisation"));
        summary(MEASURES, unknownPerson, "990540004560", "x").statusCode(400).body("errors[0].field", equalTo("organisation"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("990540004560")));
        // A valid BIN the organisations catalog does not hold; and a school reorganised on 30 June 2026.
        summary(MEASURES, unknownPerson, "150240006799", "x").statusCode(422).body("errors[0].field", equalTo("organisation"));
        summary(MEASURES, unknownPerson, "061040004570", "x").statusCode(422).body("errors[0].field", equalTo("organisation"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"officer", "juvenile", "supervisor", "authorised-head", "measures-executor",
            "registry-check", "commission-secretary", "analyst", "platform-admin"})
    void everyOtherRoleIsForbidden(String caller) {
        String token = switch (caller) {
            case "officer" -> officer(ALMATY);
            case "juvenile" -> juvenile(ALMATY);
            case "supervisor" -> supervisor();
            case "authorised-head" -> head(ALMATY);
            case "measures-executor" -> TestTokens.executor("EDUCATION", ALMATY, SCHOOL);
            default -> role(caller, ALMATY);
        };
        summary(token, UUID.randomUUID().toString(), SCHOOL, "curiosity").statusCode(403)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse summary(String token, String personId, String organisation, String purpose) {
        var req = given().auth().oauth2(token).header("X-Purpose", purpose);
        if (organisation != null) {
            req = req.queryParam("organisation", organisation);
        }
        return req.get("/api/v1/person-summaries/" + personId).then();
    }
}
