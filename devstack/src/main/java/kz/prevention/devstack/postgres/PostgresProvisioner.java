package kz.prevention.devstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import kz.prevention.devstack.StackConfig;

/**
 * Creates the platform's roles and databases on a PostgreSQL server, if missing.
 *
 * <p>Each service's database is owned by a role of its own ({@code registry_owner}), which runs
 * the migrations; the service runs as another ({@code registry}), which may change rows but not
 * tables, and may only insert into the audit log. Both log in with a password, because a plain
 * Debian install authenticates TCP connections with scram, not trust. A database made by an
 * earlier devstack (owned by the service's role) is handed over to the owner role.
 */
public final class PostgresProvisioner {

    private final StackConfig config;

    public PostgresProvisioner(StackConfig config) {
        this.config = config;
    }

    /** The logical databases: one per service that owns data, and Keycloak's. */
    public List<String> logicalDatabases() {
        List<String> names = new java.util.ArrayList<>();
        config.services().stream().filter(s -> s.ownsDatabase()).forEach(s -> names.add(s.database()));
        names.add("keycloak");
        return names;
    }

    public static String roleFor(String logicalDatabase) {
        return logicalDatabase;
    }

    /** The role that owns the database and runs its migrations (Keycloak manages its own, as one role). */
    public static String ownerFor(String logicalDatabase) {
        return "keycloak".equals(logicalDatabase) ? logicalDatabase : logicalDatabase + "_owner";
    }

    public static String passwordFor(String logicalDatabase) {
        return logicalDatabase;
    }

    public void provision() throws SQLException {
        try (Connection c = admin()) {
            for (String logical : logicalDatabases()) {
                ensureRole(c, roleFor(logical), passwordFor(logical));
                ensureRole(c, ownerFor(logical), passwordFor(logical));
                ensureDatabase(c, config.databaseName(logical), ownerFor(logical));
                handOver(config.databaseName(logical), roleFor(logical), ownerFor(logical));
            }
        }
    }

    /** Drops one database (closing its sessions); used to reset Keycloak or an isolated stack. */
    public void drop(String logicalDatabase) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(config.databaseName(logicalDatabase)) + " WITH (FORCE)");
        }
    }

    public void recreate(String logicalDatabase) throws SQLException {
        drop(logicalDatabase);
        try (Connection c = admin()) {
            ensureDatabase(c, config.databaseName(logicalDatabase), ownerFor(logicalDatabase));
        }
    }

    public Connection admin() throws SQLException {
        String url = "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/postgres";
        return DriverManager.getConnection(url, config.pgAdminUser(), config.pgAdminPassword());
    }

    private static void ensureRole(Connection c, String role, String password) throws SQLException {
        if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + quote(role) + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
        }
    }

    private static void ensureDatabase(Connection c, String database, String owner) throws SQLException {
        if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + quote(database) + " OWNER " + quote(owner) + " ENCODING 'UTF8'");
            }
        }
    }

    /** A database an earlier devstack gave to the service's own role: its objects go to the owner role. */
    private void handOver(String database, String role, String owner) throws SQLException {
        if (role.equals(owner)) {
            return;
        }
        String url = "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/" + database;
        try (Connection c = DriverManager.getConnection(url, config.pgAdminUser(), config.pgAdminPassword());
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + quote(database) + " OWNER TO " + quote(owner));
            s.execute("REASSIGN OWNED BY " + quote(role) + " TO " + quote(owner));
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected identifier: " + identifier);
        }
        return "\"" + identifier + "\"";
    }
}
