package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.TestTokens.role;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readingAPersonWritesAnAuditRowWithWhoWhatAndWhy() throws Exception {
        var created = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201).extract();
        String personId = created.path("entry.person.id");

        given().auth().oauth2(officer(ALMATY))
                .header("X-Purpose", java.net.URLEncoder.encode("проверка по обращению суда", java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .when().get("/api/v1/persons/" + personId).then().statusCode(200);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor, actor_roles, region, action, purpose FROM audit_log"
                        + " WHERE person_id = ?::uuid AND resource_type = 'person' ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("actor")).isEqualTo("officer." + ALMATY);
                assertThat(rs.getString("actor_roles")).isEqualTo("registry-officer");
                assertThat(rs.getString("region")).isEqualTo(ALMATY);
                assertThat(rs.getString("action")).isEqualTo("READ");
                assertThat(rs.getString("purpose")).isEqualTo("проверка по обращению суда");
            }
        }
    }

    @Test
    void theSupervisorQueriesTheAuditLogAndOthersMayNot() {
        var created = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201).extract();
        String personId = created.path("entry.person.id");

        get(supervisor(), "/api/v1/audit?personId=" + personId).statusCode(200)
                .body("total", greaterThan(0))
                .body("items.action", hasItem("CREATE"));
        get(officer(ALMATY), "/api/v1/audit").statusCode(403);
        get(role("analyst", "000000000"), "/api/v1/audit/verify").statusCode(403);
    }

    @Test
    void theChainVerifiesAndAnAlteredRowIsNamed() throws Exception {
        String entry = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.id");
        get(officer(ALMATY), "/api/v1/entries/" + entry).statusCode(200);
        register(officer(ALMATY), registration(adult(), "PAROLE", ALMATY)).statusCode(201);
        get(supervisor(), "/api/v1/audit/verify").statusCode(200).body("valid", equalTo(true));
        long target = scalar("SELECT max(seq) - 1 FROM audit_log");
        String original = text("SELECT actor FROM audit_log WHERE seq = " + target);

        tamper("UPDATE audit_log SET actor = 'mallory' WHERE seq = " + target);
        try {
            get(supervisor(), "/api/v1/audit/verify").statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) target));
        } finally {
            tamper("UPDATE audit_log SET actor = '" + original.replace("'", "''") + "' WHERE seq = " + target);
        }
        get(supervisor(), "/api/v1/audit/verify").statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        assertThatThrownBy(() -> execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_log WHERE seq = 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    /** What an attacker with database rights would do: switch the guard off, change a row. */
    private void tamper(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
            try {
                s.execute(sql);
            } finally {
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
