package kz.prevention.eventing.inbox;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

/**
 * A handler's read-model statements, sent to PostgreSQL as JDBC batches when the inbox batch
 * ends instead of one round trip per event: a consumer that writes a row per event is otherwise
 * bound by round trips (docs/benchmarks/reporting.md: ~1 ms each, ~1,000 events/s).
 * <p>
 * {@link #defer} keeps a statement until the inbox flushes the transaction's writes (just before
 * it records the batch as applied, so a failing statement fails the batch with its SQLSTATE, and
 * the record-by-record replay then finds the culprit). Statements run grouped by their SQL text,
 * the groups in the order of their first use, so a deferred statement may run before one added
 * earlier with another text: defer only statements that commute with the other groups' — upserts
 * keyed by an aggregate that set only what their event knows, or updates of a row that an
 * earlier group of the same event is sure to have created. A statement that needs the rows
 * written before it (an update of a row another event creates, a read) goes through
 * {@link #now}, which flushes first.
 * <p>
 * Written here rather than taken from a library: Hibernate batches only its own entity writes,
 * and the read models are plain SQL upserts.
 */
@ApplicationScoped
public class ReadModelWrites {

    private static final Object KEY = ReadModelWrites.class;

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public ReadModelWrites(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Keeps the statement for the flush at the end of the inbox batch (see the class comment for when). */
    public void defer(String sql, Object... args) {
        pending().computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    /** Runs the statement now, after everything deferred so far; returns the rows it changed. */
    public int now(String sql, Object... args) {
        flush();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new ReadModelException(e);
        }
    }

    /** Sends what was deferred in this transaction; the inbox calls it before recording the batch. */
    public void flush() {
        @SuppressWarnings("unchecked")
        Map<String, List<Object[]>> pending = transactions.getTransactionKey() == null ? null
                : (Map<String, List<Object[]>>) transactions.getResource(KEY);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, List<Object[]>> group : pending.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(group.getKey())) {
                    for (Object[] args : group.getValue()) {
                        bind(ps, args);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new ReadModelException(e.getNextException() != null ? e.getNextException() : e);
        } finally {
            pending.clear();
        }
    }

    private Map<String, List<Object[]>> pending() {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("read-model writes are deferred to the end of a transaction: call them"
                    + " from an event handler (the inbox runs it in one)");
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Object[]>> pending = (Map<String, List<Object[]>>) transactions.getResource(KEY);
        if (pending == null) {
            Map<String, List<Object[]>> created = new LinkedHashMap<>();
            transactions.putResource(KEY, created);
            // A transaction that is not an inbox batch (or one that forgot to flush) still writes
            // everything before it commits; the inbox flushes earlier, so errors carry their SQLSTATE.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        flush();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    created.clear();
                }
            });
            pending = created;
        }
        return pending;
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /** A read-model statement failed; the cause is the driver's exception, with its SQLSTATE. */
    public static final class ReadModelException extends RuntimeException {
        ReadModelException(SQLException cause) {
            super("read model write failed: SQLSTATE " + cause.getSQLState(), cause);
        }
    }
}
