package kz.prevention.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Writes audit rows with one multi-row INSERT per call. Reads' rows are queued and written by
 * one thread a batch at a time, each in one short transaction, so concurrent requests share a
 * commit (with {@code synchronous_commit=on} a commit is a disk flush) instead of queueing on
 * one; each request still waits until its own rows are durable.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 1000;
    private static final String INSERT = """
            INSERT INTO audit_log (uid, at, actor, actor_roles, agency, region, client, action, resource_type,
                                   resource_id, person_id, purpose, details, key_id, row_mac)
            SELECT * FROM unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])""";

    private record Pending(List<AuditRow> rows, CompletableFuture<Void> done) {
    }

    private final AgroalDataSource dataSource;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    @Inject
    public AuditWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::run, "audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Inside the caller's transaction (the pool gives this thread the transaction's connection). */
    void insertInTransaction(List<AuditRow> rows) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit log; the operation is refused", e);
        }
    }

    /** Queued, batched with other requests' rows, committed before this returns. */
    void write(List<AuditRow> rows) {
        Pending p = new Pending(rows, new CompletableFuture<>());
        queue.add(p);
        try {
            p.done().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the audit log", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write the audit log; the data is withheld", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int rows = first.rows().size();
                Pending next;
                while (rows < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                    rows += next.rows().size();
                }
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<Pending> batch) {
        List<AuditRow> rows = new ArrayList<>();
        batch.forEach(p -> rows.addAll(p.rows()));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            insert(c, rows);
            batch.forEach(p -> p.done().complete(null));
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("could not write %d audit rows: %s", rows.size(), e.getMessage());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static void insert(Connection c, List<AuditRow> rows) throws SQLException {
        int n = rows.size();
        Object[][] cols = new Object[15][n];
        for (int i = 0; i < n; i++) {
            AuditRow r = rows.get(i);
            cols[0][i] = r.uid();
            cols[1][i] = r.at().toString(); // ISO-8601 with its offset: no time-zone guessing
            cols[2][i] = r.actor();
            cols[3][i] = r.actorRoles();
            cols[4][i] = r.agency();
            cols[5][i] = r.region();
            cols[6][i] = r.client();
            cols[7][i] = r.action();
            cols[8][i] = r.resourceType();
            cols[9][i] = r.resourceId();
            cols[10][i] = r.personId();
            cols[11][i] = r.purpose();
            cols[12][i] = r.details();
            cols[13][i] = r.keyId();
            cols[14][i] = r.rowMac();
        }
        String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "text", "text", "text", "uuid",
            "text", "text", "text", "text"};
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int col = 0; col < 15; col++) {
                ps.setArray(col + 1, c.createArrayOf(types[col], cols[col]));
            }
            ps.executeUpdate();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }
}
