package kz.prevention.eventing.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.postgresql.PGConnection;

/**
 * The relay's own PostgreSQL session, outside the pool: it holds the session-level advisory
 * lock that makes this replica the relay leader and LISTENs for outbox inserts. If the session
 * dies the lock is released with it and another replica takes over.
 */
final class RelayConnection implements AutoCloseable {

    /** Any constant will do; it only has to be the same in every replica of a service. */
    private static final long LEADER_LOCK = 0x6576656e74696e67L;

    private final Connection connection;

    RelayConnection(String jdbcUrl, String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "eventing-relay");
        props.setProperty("tcpKeepAlive", "true");
        this.connection = DriverManager.getConnection(jdbcUrl, props);
        this.connection.setAutoCommit(true);
    }

    boolean tryBecomeLeader() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LEADER_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    void listen() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN eventing_outbox");
        }
    }

    /** Blocks until an outbox insert is committed or the timeout passes; drains queued notifications. */
    void awaitInsert(Duration timeout) throws SQLException {
        // The notifications themselves carry nothing: any of them means "look at the outbox".
        connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
    }

    List<PendingEvent> pending(int limit) throws SQLException {
        String sql = "SELECT seq, aggregateid, topic, payload::text, created_at FROM outbox"
                + " WHERE sent_at IS NULL ORDER BY seq LIMIT ?";
        List<PendingEvent> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return rows;
    }

    void markSent(List<PendingEvent> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        Long[] seqs = sent.stream().map(PendingEvent::seq).toArray(Long[]::new);
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL"
                        + " WHERE seq = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("bigint", seqs));
            ps.executeUpdate();
        }
    }

    void markFailed(PendingEvent event, String error) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
            ps.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
            ps.setLong(2, event.seq());
            ps.executeUpdate();
        }
    }

    /** Deletes sent rows older than the retention, a slice at a time so no lock is held long. */
    int prune(Duration retention) throws SQLException {
        int total = 0;
        Timestamp cutoff = Timestamp.from(Instant.now().minus(retention));
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE sent_at < ? LIMIT 5000)")) {
            ps.setTimestamp(1, cutoff);
            int n;
            do {
                n = ps.executeUpdate();
                total += n;
            } while (n == 5000);
        }
        return total;
    }

    /** The backend's pid, so operators (and fault drills) can find this session in pg_stat_activity. */
    int backendPid() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // The session is gone either way, and with it the leader lock.
        }
    }
}
