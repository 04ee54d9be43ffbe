package kz.prevention.eventing.projection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * A rebuild's shadow tables: empty copies of a consumer's read models and of the inbox's positions
 * in a schema of their own (the replay puts it first on its search path, so the handlers' SQL is
 * unchanged), and the swap that moves them in under the live names in one transaction.
 * <p>
 * The service's own role may change rows, not tables (eventing's V0_0 privileges), so the DDL here
 * runs as the tables' owner — the role that runs the migrations at start ({@code quarkus.flyway.username},
 * else the datasource's user) — and grants the service's role the rows of the shadow tables, as the
 * migrations' default privileges do for the live ones.
 */
@ApplicationScoped
public class ShadowSchema {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> appUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> appPassword;
    @ConfigProperty(name = "quarkus.flyway.username")
    Optional<String> ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    Optional<String> ownerPassword;

    static String nameFor(String consumer) {
        return "rebuild_" + consumer.toLowerCase().replaceAll("[^a-z0-9_]", "_");
    }

    /** A fresh shadow schema with empty copies of {@code tables} and of the inbox positions; returns the live tables' rows. */
    long create(String schema, List<String> tables) {
        String app = appRole();
        return asOwner(c -> {
            long rows = 0;
            try (Statement st = c.createStatement()) {
                String live = liveSchema(c);
                st.execute("DROP SCHEMA IF EXISTS " + checked(schema) + " CASCADE");
                st.execute("CREATE SCHEMA " + schema);
                for (String t : tables) {
                    st.execute("CREATE TABLE " + schema + "." + checked(t) + " (LIKE " + live + "." + t + " INCLUDING ALL)");
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + live + "." + t)) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
                st.execute("CREATE TABLE " + schema + ".inbox_aggregate (LIKE " + live + ".inbox_aggregate INCLUDING ALL)");
                st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + app);
                st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + app);
            }
            return rows;
        });
    }

    /**
     * In one transaction: the live tables dropped, the shadow ones moved in under their names (their
     * indexes renamed to the live ones' names, so later migrations find them, and the live ones'
     * triggers created on them again: the shadow copies had none while the replay wrote them), the consumer's
     * positions replaced by the rebuilt ones, the shadow schema dropped.
     */
    void swapIn(String schema, List<String> tables, String consumer) {
        asOwner(c -> {
            try (Statement st = c.createStatement()) {
                String live = liveSchema(c);
                for (String t : tables) {
                    Map<String, String> liveNames = indexesByDefinition(c, live, t);
                    Map<String, String> shadowNames = indexesByDefinition(c, schema, t);
                    List<String> triggers = triggers(c, live, t);
                    st.execute("DROP TABLE " + live + "." + t);
                    st.execute("ALTER TABLE " + schema + "." + t + " SET SCHEMA " + live);
                    for (String trigger : triggers) {
                        st.execute(trigger);
                    }
                    for (Map.Entry<String, String> e : shadowNames.entrySet()) {
                        String wanted = liveNames.get(e.getKey());
                        if (wanted != null && !wanted.equals(e.getValue())) {
                            st.execute("ALTER INDEX " + live + "." + checked(e.getValue()) + " RENAME TO " + checked(wanted));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + live + ".inbox_aggregate WHERE consumer = ?")) {
                    ps.setString(1, consumer);
                    ps.executeUpdate();
                }
                st.execute("INSERT INTO " + live + ".inbox_aggregate SELECT * FROM " + schema + ".inbox_aggregate");
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            return null;
        });
    }

    /** Runs statements as the service, in one transaction, with the shadow schema first on the search path. */
    void run(String schema, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("SET LOCAL search_path TO " + checked(schema) + ", public");
                for (String sql : statements) {
                    st.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("rebuild: a statement before the swap failed: SQLSTATE "
                        + e.getSQLState() + ": " + e.getMessage(), e);
            }
        });
    }

    void drop(String schema) {
        asOwner(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + checked(schema) + " CASCADE");
            }
            return null;
        });
    }

    private interface Work<T> {
        T run(Connection owner) throws SQLException;
    }

    /** One transaction on a connection of the tables' owner (not the pool's: the pool runs as the service's role). */
    private <T> T asOwner(Work<T> work) {
        try (Connection c = DriverManager.getConnection(url, ownerUser.or(() -> appUser).orElse(null),
                ownerUser.isPresent() ? ownerPassword.orElse(null) : appPassword.orElse(null))) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rebuild DDL failed: SQLSTATE " + e.getSQLState() + ": " + e.getMessage(), e);
        }
    }

    /** The role the service's pool runs as: it writes the shadow tables during the replay. */
    private String appRole() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return checked(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("rebuild: " + e.getSQLState(), e);
        }
    }

    /** The live table's own triggers, as statements that create them again on the table of that name. */
    private static List<String> triggers(Connection c, String schema, String table) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t"
                + " JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE n.nspname = ? AND r.relname = ? AND NOT t.tgisinternal ORDER BY t.tgname")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Index name by its definition without its name and schema ("USING btree (registered_on)"). */
    private static Map<String, String> indexesByDefinition(Connection c, String schema, String table) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(2);
                    String shape = (def.startsWith("CREATE UNIQUE") ? "UNIQUE " : "") + def.substring(def.indexOf(" USING "));
                    out.put(shape, rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String liveSchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            return checked(rs.getString(1));
        }
    }

    private static String checked(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
        }
        return identifier;
    }
}
