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
import kz.prevention.eventing.outbox.LeadingWrites;

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

    /** One row as a leading write of a change's statement (see {@link #leading}). */
    private static final String INSERT_ONE = """
            audit_row AS (INSERT INTO audit_log (uid, at, actor, actor_roles, agency, region, client, action, resource_type,
                                                 resource_id, person_id, purpose, details, key_id, row_mac)
                          VALUES (?::uuid, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?, ?, ?))""";

    private static final int COLUMNS = 15;
    private static final String[] ARRAY_TYPES = {"uuid", "text", "text", "text", "text", "text", "text", "text", "text",
        "text", "uuid", "text", "text", "text", "text"};

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

    /** A change's row, written by the statement that writes the change's other rows (in its transaction). */
    LeadingWrites leading(AuditRow r) {
        return LeadingWrites.cte(INSERT_ONE, columns(r));
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

    /** A row's values in the column order of both inserts (the one statement that knows it). */
    private static Object[] columns(AuditRow r) {
        return new Object[] {r.uid(), r.at().toString(), // ISO-8601 with its offset: no time-zone guessing
            r.actor(), r.actorRoles(), r.agency(), r.region(), r.client(), r.action(), r.resourceType(), r.resourceId(),
            r.personId(), r.purpose(), r.details(), r.keyId(), r.rowMac()};
    }

    private static void insert(Connection c, List<AuditRow> rows) throws SQLException {
        int n = rows.size();
        Object[][] cols = new Object[COLUMNS][n];
        for (int i = 0; i < n; i++) {
            Object[] values = columns(rows.get(i));
            for (int col = 0; col < COLUMNS; col++) {
                cols[col][i] = values[col];
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int col = 0; col < COLUMNS; col++) {
                ps.setArray(col + 1, c.createArrayOf(ARRAY_TYPES[col], cols[col]));
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
