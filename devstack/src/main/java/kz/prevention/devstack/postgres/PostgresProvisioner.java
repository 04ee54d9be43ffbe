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
 * <p>Each service gets a login role named after its database, with a password, because a
 * plain Debian install authenticates TCP connections with scram, not trust.
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

    public static String passwordFor(String logicalDatabase) {
        return logicalDatabase;
    }

    public void provision() throws SQLException {
        try (Connection c = admin()) {
            for (String logical : logicalDatabases()) {
                ensureRole(c, roleFor(logical), passwordFor(logical));
                ensureDatabase(c, config.databaseName(logical), roleFor(logical));
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
            ensureDatabase(c, config.databaseName(logicalDatabase), roleFor(logicalDatabase));
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
