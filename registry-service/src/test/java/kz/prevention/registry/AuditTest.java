package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.TestTokens.role;
import static kz.prevention.testing.TestTokens.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.prevention.persistence.audit.AuditAction;
import kz.prevention.persistence.audit.AuditLog;
import kz.prevention.persistence.audit.AuditRecord;
import kz.prevention.testing.DatabaseAdmin;

/**
 * The audit log: who read or changed what, appended without a shared lock, sealed with a key the
 * database does not hold, and checked by verify against tampering by whoever owns the database.
 * Tests that tamper run as the server's administrator (the service's own role cannot) and undo
 * what they did, so the log verifies again for the other tests.
 */
@QuarkusTest
class AuditTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    jakarta.transaction.UserTransaction transactions;

    @Test
    void readingAPersonWritesAnAuditRowWithWhoWhatAndWhy() throws Exception {
        var created = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201).extract();
        String personId = created.path("entry.person.id");

        given().auth().oauth2(officer(ALMATY))
                .header("X-Purpose", java.net.URLEncoder.encode("проверка по обращению суда", StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .when().get("/api/v1/persons/" + personId).then().statusCode(200);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor, actor_roles, region, action, purpose FROM audit_log"
                        + " WHERE person_id = ?::uuid AND resource_type = 'person' AND action = 'READ' ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("actor")).isEqualTo("officer." + ALMATY);
                assertThat(rs.getString("actor_roles")).isEqualTo("registry-officer");
                assertThat(rs.getString("region")).isEqualTo(ALMATY);
                assertThat(rs.getString("purpose")).isEqualTo("проверка по обращению суда");
            }
        }
    }

    @Test
    void aSearchIsAuditedOncePerPersonItShowedAndItsCriteriaAreNotKeptInClear() throws Exception {
        var created = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201).extract();
        String personId = created.path("entry.person.id");
        String iin = created.path("entry.person.iin");

        // A search for a person must say why; the purpose is kept in the audit row.
        get(officer(ALMATY), "/api/v1/entries?iin=" + iin).statusCode(400).body("errors[0].field", equalTo("X-Purpose"));
        io.restassured.RestAssured.given().auth().oauth2(officer(ALMATY)).header("X-Purpose", "request-17")
                .get("/api/v1/entries?iin=" + iin).then().statusCode(200).body("total", equalTo(1));

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT details FROM audit_log WHERE person_id = ?::uuid AND action = 'SEARCH' ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the search that showed the person is in the person's access history").isTrue();
                assertThat(rs.getString(1)).contains("[iin]").doesNotContain(iin);
            }
        }
    }

    @Test
    void anAttemptOnAnEntryOutsideTheCallersScopeIsAuditedAsDenied() throws Exception {
        String entry = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.id");

        get(officer("710000000"), "/api/v1/entries/" + entry).statusCode(404);

        assertThat(scalar("SELECT count(*) FROM audit_log WHERE resource_id = '" + entry + "' AND action = 'DENIED'"
                + " AND actor = 'officer.710000000'")).isEqualTo(1);
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

    /** Before: every audited request took the chain head FOR UPDATE, so a slow one held up all others. */
    @Test
    void twoConcurrentAuditedRequestsDoNotWaitOnEachOther() throws Exception {
        String entry = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.id");
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (Statement s = slow.createStatement()) {
                // An audited change still in progress: its row is appended, its transaction open.
                s.execute("INSERT INTO audit_log (uid, at, actor, actor_roles, action, resource_type)"
                        + " VALUES (gen_random_uuid(), now(), 'slow', '', 'READ', 'entry')");
            }
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(
                    () -> get(officer(ALMATY), "/api/v1/entries/" + entry).extract().statusCode());
            assertThat(read.get(10, TimeUnit.SECONDS)).as("the read is audited while the other transaction is open").isEqualTo(200);
            slow.rollback();
        }
    }

    /**
     * A change's audit row takes its id when appended and is seen only at the change's commit: the sealer
     * has sealed later rows by then. It remembers the ids it passed without a row and seals this one when
     * it commits — within seconds, not at the next full sweep of the window (once a minute).
     */
    @Test
    void aRowCommittedAfterLaterRowsWereSealedIsSealedWhenItCommits() throws Exception {
        String entry = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.id");
        String marker = java.util.UUID.randomUUID().toString();
        transactions.begin();
        long late;
        try {
            audit.append(new AuditRecord(AuditAction.UPDATE, "entry", marker, null, "a change that commits late"));
            late = scalar("SELECT id FROM audit_log WHERE resource_id = '" + marker + "'");
            // A later row, committed and sealed while the change is still open.
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(
                    () -> get(officer(ALMATY), "/api/v1/entries/" + entry).extract().statusCode());
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            long later = scalar("SELECT max(id) FROM audit_log WHERE resource_id = '" + entry + "' AND action = 'READ'");
            assertThat(later).isGreaterThan(late);
            await().atMost(PATIENCE).until(() -> scalar("SELECT count(*) FROM audit_seal WHERE audit_id = " + later) == 1);
            transactions.commit();
        } catch (Exception | AssertionError e) {
            transactions.rollback();
            throw e;
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> scalar("SELECT count(*) FROM audit_seal WHERE audit_id = " + late) == 1);
        await().atMost(PATIENCE).until(() -> verify().getBoolean("valid"));
    }

    @Test
    void theServicesOwnRoleCanNeitherChangeNorDeleteAuditRowsNorSwitchOffTheirGuard() {
        assertThatThrownBy(() -> execute("UPDATE audit_log SET actor = 'x' WHERE id = (SELECT max(id) FROM audit_log)"))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        assertThatThrownBy(() -> execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        assertThatThrownBy(() -> execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change"))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        assertThatThrownBy(() -> execute("DELETE FROM audit_seal WHERE position = 1"))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    @Test
    void anAlteredRowIsFound() throws Exception {
        long target = auditedAndSealed();
        String original = text("SELECT actor FROM audit_log WHERE id = " + target);

        asOwner("UPDATE audit_log SET actor = 'mallory' WHERE id = " + target);
        try {
            assertThat(problemKinds(verify())).contains("ROW_ALTERED");
        } finally {
            asOwner("UPDATE audit_log SET actor = '" + original.replace("'", "''") + "' WHERE id = " + target);
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    /** As tried by hand before: the old SHA-256 chain recomputed behind a changed row verified as valid. */
    @Test
    void aChainRecomputedWithoutTheKeyIsFound() throws Exception {
        long target = auditedAndSealed();
        String[] original = row(target);
        String forgedMac = sha256("mallory|" + target);

        asOwner("UPDATE audit_log SET actor = 'mallory', row_mac = '" + forgedMac + "' WHERE id = " + target);
        asOwner("UPDATE audit_seal SET mac = '" + sha256(forgedMac) + "' WHERE audit_id = " + target);
        try {
            assertThat(problemKinds(verify())).contains("ROW_ALTERED", "SEAL_BROKEN");
        } finally {
            asOwner("UPDATE audit_log SET actor = '" + original[0].replace("'", "''") + "', row_mac = '" + original[1]
                    + "' WHERE id = " + target);
            asOwner("UPDATE audit_seal SET mac = '" + original[2] + "' WHERE audit_id = " + target);
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void aDeletedRowAndACutTailAreFound() throws Exception {
        long target = auditedAndSealed();
        long lastPosition = scalar("SELECT max(position) FROM audit_seal");
        await().atMost(PATIENCE).until(() -> verify().getLong("checkpointPosition") >= lastPosition);
        String savedRow = asOwnerQuery("SELECT row_to_json(a)::text FROM audit_log a WHERE id = " + target);

        asOwner("DELETE FROM audit_log WHERE id = " + target);
        try {
            assertThat(problemKinds(verify())).contains("ROW_DELETED");
        } finally {
            asOwner("INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, '" + savedRow + "'::json)");
        }
        // The tail is cut as a database owner would: the newest seals and their rows, in one statement
        // (so exactly what was removed is saved, while the service keeps auditing). Removing only
        // the seals would not do: the sealer's sweep reseals rows it finds unsealed.
        String cut = asOwnerQuery("""
                WITH s AS (DELETE FROM audit_seal WHERE position >= %d RETURNING *),
                     r AS (DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM s) RETURNING *)
                SELECT json_build_object('seals', (SELECT json_agg(s) FROM s), 'rows', (SELECT json_agg(r) FROM r))::text
                """.formatted(lastPosition));
        try {
            // The database alone looks whole; the checkpoint published outside it says otherwise.
            assertThat(problemKinds(verify())).containsAnyOf("TRUNCATED", "SEAL_MISSING");
        } finally {
            // Rows and seals back in one transaction: restored rows committed alone were, now and then,
            // resealed by the sealer's sweep before their old seals were back (a duplicate seal).
            String json = cut;
            asOwner("INSERT INTO audit_log SELECT * FROM json_populate_recordset(NULL::audit_log, ('" + json
                    + "'::json)->'rows')",
                    "INSERT INTO audit_seal SELECT * FROM json_populate_recordset(NULL::audit_seal, ('" + json
                    + "'::json)->'seals')");
        }
        await().atMost(PATIENCE).until(() -> verify().getBoolean("valid"));
    }

    @Test
    void aRowInsertedBySomeoneWithoutTheKeyIsNeverSealedAndIsReported() throws Exception {
        String uid = java.util.UUID.randomUUID().toString();
        execute("INSERT INTO audit_log (uid, at, actor, actor_roles, action, resource_type, key_id, row_mac)"
                + " VALUES ('" + uid + "', now(), 'mallory', '', 'READ', 'entry', 'k1', '" + sha256("forged") + "')");
        long id = scalar("SELECT id FROM audit_log WHERE uid = '" + uid + "'");
        try {
            await().atMost(PATIENCE).until(() -> problemKinds(verify()).contains("ROW_FORGED"));
            assertThat(scalar("SELECT count(*) FROM audit_seal WHERE audit_id = " + id)).isZero();
        } finally {
            asOwner("DELETE FROM audit_log WHERE id = " + id);
        }
    }

    // --- helpers -------------------------------------------------------------------------

    /** Writes an audited read and waits until the sealer has sealed it; returns its row id. */
    private long auditedAndSealed() throws Exception {
        String entry = register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.id");
        get(officer(ALMATY), "/api/v1/entries/" + entry).statusCode(200);
        long id = scalar("SELECT max(id) FROM audit_log WHERE resource_id = '" + entry + "' AND action = 'READ'");
        await().atMost(PATIENCE).until(() -> scalar("SELECT count(*) FROM audit_seal WHERE audit_id = " + id) == 1);
        await().atMost(PATIENCE).until(() -> verify().getBoolean("valid"));
        return id;
    }

    private JsonPath verify() {
        return get(supervisor(), "/api/v1/audit/verify").statusCode(200).extract().jsonPath();
    }

    private static List<String> problemKinds(JsonPath verification) {
        return verification == null ? List.of() : verification.getList("problems.kind", String.class);
    }

    /** What a database owner can do that the service cannot: switch the guards off and change rows. */
    private static void asOwner(String... sql) throws SQLException {
        try (Connection c = DatabaseAdmin.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                for (String statement : sql) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }

    /** A query (it may change rows, as an owner bypassing the triggers would); its text answer quoted for SQL. */
    private static String asOwnerQuery(String sql) throws SQLException {
        try (Connection c = DatabaseAdmin.connect()) {
            c.setAutoCommit(false);
            String answer;
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    answer = rs.getString(1).replace("'", "''");
                }
            }
            c.commit();
            return answer;
        }
    }

    private String[] row(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT a.actor, a.row_mac, s.mac FROM audit_log a JOIN audit_seal s ON s.audit_id = a.id WHERE a.id = " + id)) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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
