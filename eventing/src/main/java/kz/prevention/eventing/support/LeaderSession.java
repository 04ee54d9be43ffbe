package kz.prevention.eventing.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A PostgreSQL session of its own, outside the pool, for a job that one replica of a service runs
 * at a time (the outbox relay, the audit sealer): it holds a session-level advisory lock named
 * after the job and the service. If the session dies the lock goes with it and a standby takes
 * over; so that a vanished host cannot hold it for hours, the session has client-side connect and
 * socket timeouts and asks the server for aggressive TCP keepalives (the server drops a session
 * whose peer stopped answering within about half a minute).
 */
public final class LeaderSession implements AutoCloseable {

    private final Connection connection;
    private final long lockKey;

    public LeaderSession(String jdbcUrl, String user, String password, String job, String service) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", service + "-" + job);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "60");
        props.setProperty("loginTimeout", "10");
        props.setProperty("logServerErrorDetail", "false");
        this.connection = DriverManager.getConnection(jdbcUrl, props);
        this.connection.setAutoCommit(true);
        this.lockKey = lockKey(job, service);
        try (Statement s = connection.createStatement()) {
            s.execute("SET tcp_keepalives_idle = 10");
            s.execute("SET tcp_keepalives_interval = 5");
            s.execute("SET tcp_keepalives_count = 3");
            s.execute("SET statement_timeout = '30s'");
        }
    }

    /** A session on the service's own database, as configured for its pool. */
    public static LeaderSession open(String job, String service) throws SQLException {
        var cfg = ConfigProvider.getConfig();
        return new LeaderSession(cfg.getValue("quarkus.datasource.jdbc.url", String.class),
                cfg.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                cfg.getOptionalValue("quarkus.datasource.password", String.class).orElse(null), job, service);
    }

    /** One lock per job and service, so services sharing a PostgreSQL never exclude each other. */
    public static long lockKey(String job, String service) {
        return UUID.nameUUIDFromBytes((job + ":" + service).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    public boolean tryLead() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, lockKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public Connection connection() {
        return connection;
    }

    public String setting(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    public int socketTimeoutSeconds() throws SQLException {
        return connection.getNetworkTimeout() / 1000;
    }

    /** The backend's pid, so operators (and fault drills) can find this session in pg_stat_activity. */
    public int backendPid() throws SQLException {
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
            // The session is gone either way, and with it the lock.
        }
    }
}
