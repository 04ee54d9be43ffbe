package kz.prevention.reporting.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The report jobs' rows and their finished files (V8 {@code report_job}, {@code report_file}): the
 * only place a job's state lives, so a restart loses nothing finished and every replica answers
 * alike. Not read models: a rebuild leaves these tables alone.
 */
@ApplicationScoped
public class ReportJobStore {

    @Inject
    AgroalDataSource dataSource;

    /** A job as its row stands. */
    public record Job(UUID id, String owner, int year, String territory, String lang, boolean suppressed,
            ReportJobs.Status status, int percent, String stage, String error, Instant createdAt, Instant finishedAt) {
    }

    /** A stored file: its bytes, content type and the SHA-256 (hex) written with them. */
    public record StoredFile(byte[] bytes, String contentType, String sha256) {
        /** Whether the bytes are still those the digest was taken of. */
        public boolean intact() {
            return ReportJobStore.sha256(bytes).equals(sha256);
        }
    }

    private static final String COLUMNS = "job_id, owner, year, region, lang, suppressed, status, percent, stage, error,"
            + " created_at, finished_at";

    void insert(Job job, UUID runner) {
        update("INSERT INTO report_job (job_id, owner, year, region, lang, suppressed, status, percent, stage, created_at,"
                + " runner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", job.id(), job.owner(), job.year(), job.territory(),
                job.lang(), job.suppressed(), job.status().name(), job.percent(), job.stage(),
                Timestamp.from(job.createdAt()), runner);
    }

    public Optional<Job> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM report_job WHERE job_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp finished = rs.getTimestamp(12);
                return Optional.of(new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), ReportJobs.Status.valueOf(rs.getString(7)), rs.getInt(8),
                        rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                        finished == null ? null : finished.toInstant()));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    void running(UUID id) {
        update("UPDATE report_job SET status = 'RUNNING' WHERE job_id = ? AND status = 'QUEUED'", id);
    }

    /** Progress of a running job: one short update per stage. */
    void progress(UUID id, int percent, String stage) {
        update("UPDATE report_job SET percent = ?, stage = ? WHERE job_id = ? AND status = 'RUNNING'", percent, stage, id);
    }

    /** The files and the job's DONE in one transaction: a DONE job always has all its files. */
    void done(UUID id, Map<ReportExports.Format, byte[]> files) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO report_file (job_id, format, content_type,"
                            + " sha256, bytes) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<ReportExports.Format, byte[]> f : files.entrySet()) {
                    ps.setObject(1, id);
                    ps.setString(2, f.getKey().extension);
                    ps.setString(3, f.getKey().mediaType);
                    ps.setString(4, sha256(f.getValue()));
                    ps.setBytes(5, f.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw failed(e);
            }
            update("UPDATE report_job SET status = 'DONE', percent = 100, stage = 'DONE', finished_at = now()"
                    + " WHERE job_id = ?", id);
        });
    }

    void failed(UUID id, String stage, String error) {
        update("UPDATE report_job SET status = 'FAILED', stage = ?, error = ?, finished_at = now() WHERE job_id = ?",
                stage, error, id);
    }

    /** Fails the QUEUED and RUNNING jobs queued by any process but {@code runner}; returns how many. */
    /** This process is alive: its row in {@code report_runner} gets the database's time. */
    void heartbeat(UUID runner) {
        update("INSERT INTO report_runner (runner, seen_at) VALUES (?, now())"
                + " ON CONFLICT (runner) DO UPDATE SET seen_at = now()", runner);
    }

    /**
     * Fails the unfinished jobs of processes silent for longer than {@code silence} (or never seen), and forgets
     * those processes; returns how many jobs. A replica still alive keeps its jobs: it is seen every heartbeat.
     */
    int failUnfinishedOfSilentRunners(java.time.Duration silence, String stage, String error) {
        String silent = "SELECT r.runner FROM report_runner r WHERE r.seen_at < now() - make_interval(secs => ?)";
        int failed = update("UPDATE report_job j SET status = 'FAILED', stage = ?, error = ?, finished_at = now()"
                + " WHERE status IN ('QUEUED', 'RUNNING') AND (j.runner IN (" + silent + ")"
                + " OR NOT EXISTS (SELECT 1 FROM report_runner r WHERE r.runner = j.runner))", stage, error,
                (double) silence.toSeconds());
        update("DELETE FROM report_runner WHERE seen_at < now() - make_interval(secs => ?)", (double) silence.toSeconds());
        return failed;
    }

    /** Deletes the jobs (and by cascade their files) finished before {@code before}; returns how many. */
    int pruneFinishedBefore(Instant before) {
        return update("DELETE FROM report_job WHERE finished_at < ?", Timestamp.from(before));
    }

    public Optional<StoredFile> file(UUID id, ReportExports.Format format) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT bytes, content_type, sha256 FROM report_file WHERE job_id = ? AND format = ?")) {
            ps.setObject(1, id);
            ps.setString(2, format.extension);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredFile(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("report job store: SQLSTATE " + e.getSQLState(), e);
    }
}
