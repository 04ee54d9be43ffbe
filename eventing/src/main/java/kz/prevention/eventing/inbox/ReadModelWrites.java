package kz.prevention.eventing.inbox;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

/**
 * A handler's read-model statements, sent to PostgreSQL when the inbox batch ends instead of one
 * round trip per event: a consumer that writes a row per event is otherwise bound by round trips
 * (docs/benchmarks/reporting.md: ~1 ms each, ~1,000 events/s).
 * <p>
 * {@link #defer} keeps a statement until the inbox flushes the transaction's writes (just before
 * it records the batch as applied, so a failing statement fails the batch with its SQLSTATE, and
 * the record-by-record replay then finds the culprit); such statements go as a JDBC batch per SQL
 * text. {@link #row} keeps a row of a multi-row statement ({@link Rows}): the batch's rows of one
 * statement go as <em>one</em> statement over {@code unnest} arrays, folded in memory first by
 * their key (a statement may not update one row twice). Groups run in the order of their first
 * use, so a deferred statement may run before one added earlier with another text: defer only
 * statements that commute with the other groups' — upserts keyed by an aggregate that set only
 * what their event knows, or updates of a row that an earlier group of the same event is sure to
 * have created. A statement that needs the rows written before it (an update of a row another
 * event creates, a read) goes through {@link #now}, which flushes first. Work that is cheaper for
 * the whole batch at once (a read of what the batch's rows refer to) can wait for the flush in a
 * {@link #beforeFlush} hook.
 * <p>
 * Written here rather than taken from a library: Hibernate batches only its own entity writes,
 * and the read models are plain SQL upserts.
 */
@ApplicationScoped
public class ReadModelWrites {

    private static final Object KEY = ReadModelWrites.class;

    /**
     * A statement written for many rows at once. Its SQL has one {@code %s} where the column arrays
     * go, e.g. {@code INSERT INTO t (a, b) SELECT * FROM unnest(%s) ON CONFLICT (a) DO NOTHING};
     * each value is sent as text and cast to its column's type. Rows with the same first
     * {@code keyColumns} values are folded into one before sending, by {@code fold(earlier, later)}.
     */
    public static final class Rows {
        private final String sql;
        private final String[] types;
        private final int keyColumns;
        private final BinaryOperator<Object[]> fold;

        private Rows(String template, int keyColumns, BinaryOperator<Object[]> fold, String... types) {
            StringBuilder arrays = new StringBuilder();
            for (int i = 0; i < types.length; i++) {
                arrays.append(i == 0 ? "" : ", ").append("?::text[]::").append(types[i]).append("[]");
            }
            this.sql = String.format(template, arrays);
            this.types = types.clone();
            this.keyColumns = keyColumns;
            this.fold = fold;
        }

        /** Rows with the same key: the later one stands. */
        public static Rows lastWins(String template, int keyColumns, String... types) {
            return new Rows(template, keyColumns, (earlier, later) -> later, types);
        }

        /** Rows with the same key: the earlier one stands (an insert that does nothing on conflict, a coalesce). */
        public static Rows firstWins(String template, int keyColumns, String... types) {
            return new Rows(template, keyColumns, (earlier, later) -> earlier, types);
        }

        public static Rows folded(String template, int keyColumns, BinaryOperator<Object[]> fold, String... types) {
            return new Rows(template, keyColumns, fold, types);
        }

        String sql() {
            return sql;
        }
    }

    /** What a transaction keeps until its flush: statement groups in the order of first use, and the hooks. */
    private static final class Pending {
        final Map<Object, Object> groups = new LinkedHashMap<>();
        final Map<Object, Runnable> hooks = new LinkedHashMap<>();

        boolean isEmpty() {
            return groups.isEmpty() && hooks.isEmpty();
        }

        void clear() {
            groups.clear();
            hooks.clear();
        }
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public ReadModelWrites(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Keeps the statement for the flush at the end of the inbox batch (see the class comment for when). */
    @SuppressWarnings("unchecked")
    public void defer(String sql, Object... args) {
        ((List<Object[]>) pending().groups.computeIfAbsent(sql, s -> new ArrayList<Object[]>())).add(args);
    }

    /** Keeps a row of a multi-row statement for the flush (see the class comment for when). */
    @SuppressWarnings("unchecked")
    public void row(Rows rows, Object... values) {
        if (values.length != rows.types.length) {
            throw new IllegalArgumentException(rows.types.length + " values expected, " + values.length + " given");
        }
        Map<List<Object>, Object[]> folded = (Map<List<Object>, Object[]>) pending().groups.computeIfAbsent(rows,
                r -> new LinkedHashMap<List<Object>, Object[]>());
        folded.merge(Arrays.asList(Arrays.copyOf(values, rows.keyColumns)), values, rows.fold);
    }

    /**
     * The transaction's hook under {@code key}, created on first use: it runs once at the start of
     * the next flush (and may add rows then); a use after that flush creates a new one.
     */
    @SuppressWarnings("unchecked")
    public <T extends Runnable> T beforeFlush(Object key, Supplier<T> created) {
        return (T) pending().hooks.computeIfAbsent(key, k -> created.get());
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
    @SuppressWarnings("unchecked")
    public void flush() {
        Pending pending = transactions.getTransactionKey() == null ? null : (Pending) transactions.getResource(KEY);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        try {
            while (!pending.hooks.isEmpty()) {
                List<Runnable> hooks = new ArrayList<>(pending.hooks.values());
                pending.hooks.clear();
                hooks.forEach(Runnable::run);
            }
            try (Connection c = dataSource.getConnection()) {
                for (Map.Entry<Object, Object> group : pending.groups.entrySet()) {
                    if (group.getKey() instanceof Rows rows) {
                        sendRows(c, rows, ((Map<List<Object>, Object[]>) group.getValue()).values());
                    } else {
                        sendBatch(c, (String) group.getKey(), (List<Object[]>) group.getValue());
                    }
                }
            }
        } catch (SQLException e) {
            throw new ReadModelException(e.getNextException() != null ? e.getNextException() : e);
        } finally {
            pending.clear();
        }
    }

    private static void sendBatch(Connection c, String sql, List<Object[]> statements) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] args : statements) {
                bind(ps, args);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void sendRows(Connection c, Rows rows, java.util.Collection<Object[]> values) throws SQLException {
        int columns = rows.types.length;
        String[][] arrays = new String[columns][values.size()];
        int i = 0;
        for (Object[] row : values) {
            for (int col = 0; col < columns; col++) {
                arrays[col][i] = row[col] == null ? null : row[col].toString();
            }
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(rows.sql)) {
            for (int col = 0; col < columns; col++) {
                ps.setArray(col + 1, c.createArrayOf("text", arrays[col]));
            }
            ps.executeUpdate();
        }
    }

    private Pending pending() {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("read-model writes are deferred to the end of a transaction: call them"
                    + " from an event handler (the inbox runs it in one)");
        }
        Pending pending = (Pending) transactions.getResource(KEY);
        if (pending == null) {
            Pending created = new Pending();
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
