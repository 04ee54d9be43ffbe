package kz.prevention.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh, empty PostgreSQL database for one test run, on the real server at PG_HOST:PG_PORT
 * (default 127.0.0.1:5432), or on an embedded server when none answers there.
 *
 * <p>As in production, two roles: the database's owner, which runs the migrations, and the role
 * the service runs as, which may change rows but not tables (and only insert into the audit log).
 * The admin login stays available to tests that play the database owner turned attacker.
 *
 * <p>Names carry their creation time ({@code test_registry_1764000000_ab12cd34}) so a run that
 * was killed before dropping its database (and roles) is cleaned up by a later one.
 */
public final class TestDatabase {

    private static final Duration ABANDONED_AFTER = Duration.ofHours(6);
    private static EmbeddedPostgres embedded;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String host, int port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    public static TestDatabase create(String logicalName) {
        String host = env("PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("PG_PORT", "5432"));
        String user = env("PG_ADMIN_USER", "postgres");
        String password = env("PG_ADMIN_PASSWORD", "");
        if (!Ports.answers(host, port)) {
            EmbeddedPostgres pg = embedded();
            host = "127.0.0.1";
            port = pg.getPort();
            user = "postgres";
            password = "";
        }
        String name = "test_" + logicalName.replaceAll("[^a-z0-9]", "") + "_" + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase db = new TestDatabase(host, port, user, password, name);
        db.dropAbandoned();
        db.admin("CREATE ROLE " + db.owner() + " LOGIN PASSWORD '" + db.owner() + "'");
        db.admin("CREATE ROLE " + db.app() + " LOGIN PASSWORD '" + db.app() + "'");
        db.admin("CREATE DATABASE " + name + " OWNER " + db.owner() + " ENCODING 'UTF8'");
        return db;
    }

    /** The role that owns the database and runs its migrations. */
    public String owner() {
        return name + "_owner";
    }

    /** The role the service runs as. */
    public String app() {
        return name + "_app";
    }

    /** The server's administrator (a superuser on test machines): for tests that tamper on purpose. */
    public String adminUser() {
        return user;
    }

    public String adminPassword() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String name() {
        return name;
    }

    public void drop() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin("DROP ROLE IF EXISTS " + owner());
        admin("DROP ROLE IF EXISTS " + app());
    }

    private void dropAbandoned() {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^test_[a-z0-9]+_[0-9]+_[0-9a-f]{8}$'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String[] parts = db.split("_");
                if (Long.parseLong(parts[parts.length - 2]) < cutoff) {
                    stale.add(db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        stale.forEach(db -> admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"));
        List<String> staleRoles = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT rolname FROM pg_roles WHERE rolname ~ '^test_[a-z0-9]+_[0-9]+_[0-9a-f]{8}_(owner|app)$'")) {
            while (rs.next()) {
                String role = rs.getString(1);
                String[] parts = role.split("_");
                if (Long.parseLong(parts[parts.length - 3]) < cutoff) {
                    staleRoles.add(role);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list roles on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        staleRoles.forEach(role -> admin("DROP ROLE IF EXISTS " + role));
    }

    private void admin(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + host + ":" + port + " as " + user + ": " + e.getMessage()
                    + " (set PG_HOST, PG_PORT, PG_ADMIN_USER, PG_ADMIN_PASSWORD for your server)", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                // zonky turns these off for speed; the tests must see what production does.
                embedded = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on").setServerConfig("full_page_writes", "on").start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no PostgreSQL answers at PG_HOST:PG_PORT and the embedded one failed to start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (java.io.IOException e) {
                    System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
                }
            }));
        }
        return embedded;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
