package kz.prevention.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.reporting.report.ReportJobs;
import kz.prevention.testing.TestTokens;

/**
 * Report jobs live in the database (V8 report_job, report_file), not in the process: a finished
 * job's files are served from their rows — change a row and the answer changes; damage the bytes
 * and the service refuses them — a job a previous process left RUNNING is failed by the startup
 * recovery with a stage that says to POST again, and finished jobs past the retention are deleted.
 */
@QuarkusTest
class ReportJobsTest {

    static final String SUPERVISOR = TestTokens.supervisor();
    static final int YEAR = 2030;

    @Inject
    AgroalDataSource db;
    @Inject
    ReportJobs jobs;

    @Test
    void aFinishedJobsFilesAreServedFromTheirRowsByteForByte() throws Exception {
        String location = finishedJob();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(count("SELECT count(*) FROM report_file WHERE job_id = ?", id)).isEqualTo(4);

        byte[] served = given().auth().oauth2(SUPERVISOR).get(location + "/files/csv").then().statusCode(200)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(storedCsv(id))) + ":")
                .header("Content-Length", String.valueOf(storedCsv(id).length))
                .extract().asByteArray();
        assertThat(served).isEqualTo(storedCsv(id));
        // The download is audited, once, as a read of the year's report served from the job.
        String audited = "SELECT count(*) FROM audit_log WHERE action = 'READ' AND resource_type = 'national-report'"
                + " AND resource_id = ? AND person_id IS NULL AND details LIKE ?";
        assertThat(count(audited, YEAR + "/000000000", "%export csv unsuppressed (job " + id + ")")).isEqualTo(1);
        // HEAD answers for the same read, without the bytes, and is audited as it.
        given().auth().oauth2(SUPERVISOR).head(location + "/files/csv").then().statusCode(200)
                .contentType("text/csv").header("Content-Length", String.valueOf(storedCsv(id).length))
                .body(Matchers.emptyString());
        assertThat(count(audited, YEAR + "/000000000", "%export csv unsuppressed (job " + id + ")")).isEqualTo(2);
        assertThat(served).isEqualTo(given().auth().oauth2(SUPERVISOR).queryParam("year", YEAR).queryParam("format", "csv")
                .get("/api/v1/reports/national").then().statusCode(200).extract().asByteArray());

        // The answer is the row: replace its bytes (and their digest) and the download follows.
        byte[] replaced = "section,indicator\r\nreplaced,in the table\r\n".getBytes(StandardCharsets.UTF_8);
        update("UPDATE report_file SET bytes = ?, sha256 = ? WHERE job_id = ? AND format = 'csv'", replaced,
                HexFormat.of().formatHex(sha256(replaced)), id);
        assertThat(given().auth().oauth2(SUPERVISOR).get(location + "/files/csv").then().statusCode(200).extract()
                .asByteArray()).isEqualTo(replaced);

        // Bytes that no longer match the digest written with them are never served as the report.
        update("UPDATE report_file SET bytes = ? WHERE job_id = ? AND format = 'csv'",
                "tampered".getBytes(StandardCharsets.UTF_8), id);
        given().auth().oauth2(SUPERVISOR).get(location + "/files/csv").then().statusCode(503)
                .contentType("application/problem+json");
        // Another caller still learns nothing of it.
        given().auth().oauth2(TestTokens.user("other.supervisor").roles("supervisor").region("000000000").sign())
                .get(location + "/files/pdf").then().statusCode(404);
    }

    @Test
    void aJobLeftByAProcessThatWentSilentIsFailedWithAStageSayingToPostAgainWhileALiveReplicaKeepsItsOwn() throws Exception {
        String owner = ownerOf(finishedJob());
        UUID left = UUID.randomUUID();
        update("INSERT INTO report_job (job_id, owner, year, region, lang, suppressed, status, percent, stage, runner,"
                + " created_at) VALUES (?, ?, ?, '000000000', 'kk', false, 'RUNNING', 40, 'COUNTING CONTROL_VISITS', ?,"
                + " now() - interval '5 minutes')", left, owner, YEAR, UUID.randomUUID());
        given().auth().oauth2(SUPERVISOR).get("/api/v1/reports/jobs/" + left).then().statusCode(200)
                .body("status", Matchers.equalTo("RUNNING")).body("percent", Matchers.equalTo(40));

        // Another replica, alive (seen a moment ago), with a job RUNNING: it keeps it.
        UUID alive = UUID.randomUUID();
        UUID othersJob = UUID.randomUUID();
        update("INSERT INTO report_runner (runner, seen_at) VALUES (?, now())", alive);
        update("INSERT INTO report_job (job_id, owner, year, region, lang, suppressed, status, percent, stage, runner,"
                + " created_at) VALUES (?, ?, ?, '000000000', 'kk', false, 'RUNNING', 10, 'COUNTING', ?, now())",
                othersJob, owner, YEAR, alive);
        // A replica silent for longer than three heartbeats: its QUEUED job is failed like the unknown runner's.
        UUID silent = UUID.randomUUID();
        UUID silentsJob = UUID.randomUUID();
        update("INSERT INTO report_runner (runner, seen_at) VALUES (?, now() - interval '10 minutes')", silent);
        update("INSERT INTO report_job (job_id, owner, year, region, lang, suppressed, status, percent, stage, runner,"
                + " created_at) VALUES (?, ?, ?, '000000000', 'kk', false, 'QUEUED', 0, 'QUEUED', ?, now())",
                silentsJob, owner, YEAR, silent);

        // What the StartupEvent observer and every heartbeat run; this process's own jobs are not touched.
        assertThat(jobs.recoverInterrupted()).isGreaterThanOrEqualTo(2);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/reports/jobs/" + othersJob).then().statusCode(200)
                .body("status", Matchers.equalTo("RUNNING"));
        given().auth().oauth2(SUPERVISOR).get("/api/v1/reports/jobs/" + silentsJob).then().statusCode(200)
                .body("status", Matchers.equalTo("FAILED")).body("stage", Matchers.equalTo("INTERRUPTED"));
        assertThat(count("SELECT count(*) FROM report_runner WHERE runner = ?", silent)).as("a silent runner is forgotten")
                .isZero();
        update("UPDATE report_job SET status = 'FAILED', finished_at = now() WHERE job_id = ?", othersJob);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/reports/jobs/" + left).then().statusCode(200)
                .body("status", Matchers.equalTo("FAILED")).body("stage", Matchers.equalTo("INTERRUPTED"))
                .body("error", Matchers.containsString("POST the job again")).body("finishedAt", Matchers.notNullValue())
                .body("files.size()", Matchers.equalTo(0));
        given().auth().oauth2(SUPERVISOR).get("/api/v1/reports/jobs/" + left + "/files/json").then().statusCode(409)
                .contentType("application/problem+json");
        String mine = given().auth().oauth2(SUPERVISOR).queryParam("year", YEAR).post("/api/v1/reports/national/jobs")
                .then().statusCode(202).extract().header("Location");
        jobs.recoverInterrupted();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(SUPERVISOR).get(mine).then()
                .statusCode(200).body("status", Matchers.equalTo("DONE")));
    }

    @Test
    void finishedJobsPastTheRetentionAreDeletedWithTheirFiles() throws Exception {
        String location = finishedJob();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        update("UPDATE report_job SET finished_at = now() - interval '31 days' WHERE job_id = ?", id);
        assertThat(jobs.prune()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(SUPERVISOR).get(location).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM report_file WHERE job_id = ?", id)).isZero();
    }

    private static String finishedJob() {
        String location = given().auth().oauth2(SUPERVISOR).queryParam("year", YEAR).post("/api/v1/reports/national/jobs")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(SUPERVISOR).get(location).then()
                .statusCode(200).body("status", Matchers.equalTo("DONE")).body("percent", Matchers.equalTo(100)));
        return location;
    }

    private String ownerOf(String location) throws Exception {
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT owner FROM report_job WHERE job_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private byte[] storedCsv(UUID id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT bytes FROM report_file WHERE job_id = ? AND format = 'csv'")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
