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

    /** The inbox's positions table: copied and swapped with the read models, its rows per consumer. */
    private static final String POSITIONS = "inbox_aggregate";
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

    /**
     * A fresh shadow schema with empty copies of {@code tables} and of the inbox positions; returns the live tables' rows.
     * The copies are bulk-loaded with only their unique indexes, which the replay's upserts need; {@link
     * #completeIndexes} builds the other indexes once the rows are in (the replay's writes were its largest wait; 300,000
     * measure rows and 200,000 updates took 8.1 s with every index kept up, 6.7 s with three built after them —
     * 6.8 s also {@code UNLOGGED} and logged at the end, so the copies are not unlogged).
     */
    long create(String schema, List<String> tables) {
        String app = appRole();
        return asOwner(c -> {
            long rows = 0;
            try (Statement st = c.createStatement()) {
                String live = liveSchema(c);
                st.execute("DROP SCHEMA IF EXISTS " + checked(schema) + " CASCADE");
                st.execute("CREATE SCHEMA " + schema);
                for (String t : withPositions(tables)) {
                    st.execute("CREATE TABLE " + schema + "." + checked(t) + " (LIKE " + live + "." + t + " INCLUDING ALL)");
                    for (String index : nonUniqueIndexes(c, schema, t).keySet()) {
                        st.execute("DROP INDEX " + schema + "." + checked(index));
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + live + "." + t)) {
                        rs.next();
                        rows += t.equals(POSITIONS) ? 0 : rs.getLong(1);
                    }
                }
                st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + app);
                st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + app);
            }
            return rows;
        });
    }

    /**
     * Once the replay is done, before the swap and while the live tables still answer: the live tables' other
     * indexes built on the shadow copies under their live names, and their statistics gathered, so the first
     * queries after the swap are planned on real numbers.
     * The positions' copy stays as it is: the swap copies its rows into the live table.
     */
    void completeIndexes(String schema, List<String> tables) {
        asOwner(c -> {
            try (Statement st = c.createStatement()) {
                String live = liveSchema(c);
                for (String t : tables) {
                    for (String definition : nonUniqueIndexes(c, live, t).values()) {
                        String on = " ON " + live + "." + t + " ";
                        if (!definition.contains(on)) {
                            throw new IllegalStateException("rebuild: cannot place index on " + schema + "." + t
                                    + ": " + definition);
                        }
                        st.execute(definition.replace(on, " ON " + schema + "." + t + " "));
                    }
                    st.execute("ANALYZE " + schema + "." + t);
                }
            }
            return null;
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
                swapPositions(c, st, live, schema, consumer);
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            return null;
        });
    }

    /**
     * The consumer's positions replaced by the replay's: its partition of the live positions (eventing's V0_5)
     * detached and dropped — or, before its first rebuild, its rows deleted from the default partition — and the
     * shadow copy attached in its place. A check constraint on the copy spares PostgreSQL a scan of it.
     */
    private static void swapPositions(Connection c, Statement st, String live, String schema, String consumer)
            throws SQLException {
        String partition = checked(partitionOf(consumer));
        String value = "'" + consumerLiteral(consumer) + "'";
        boolean attached;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid"
                + " JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = ? AND p.relname = ?")) {
            ps.setString(1, live);
            ps.setString(2, partition);
            try (ResultSet rs = ps.executeQuery()) {
                attached = rs.next();
            }
        }
        if (attached) {
            st.execute("ALTER TABLE " + live + "." + POSITIONS + " DETACH PARTITION " + live + "." + partition);
            st.execute("DROP TABLE " + live + "." + partition);
        } else {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + live + "." + POSITIONS + "_default WHERE consumer = ?")) {
                ps.setString(1, consumer);
                ps.executeUpdate();
            }
        }
        st.execute("ALTER TABLE " + schema + "." + POSITIONS + " ADD CONSTRAINT " + partition + "_consumer CHECK (consumer = "
                + value + ")");
        st.execute("ALTER TABLE " + schema + "." + POSITIONS + " RENAME TO " + partition);
        // Its indexes took the table's name ("inbox_aggregate_pkey"), which the partitioned parent's own hold.
        for (String index : indexesByDefinition(c, schema, partition).values()) {
            st.execute("ALTER INDEX " + schema + "." + checked(index) + " RENAME TO "
                    + checked(partitionOf(consumer + "_" + index.substring(POSITIONS.length() + 1))));
        }
        st.execute("ALTER TABLE " + schema + "." + partition + " SET SCHEMA " + live);
        st.execute("ALTER TABLE " + live + "." + POSITIONS + " ATTACH PARTITION " + live + "." + partition
                + " FOR VALUES IN (" + value + ")");
    }

    /** The consumer's partition of the positions: its name, cut with a digest to PostgreSQL's 63 characters. */
    static String partitionOf(String consumer) {
        String name = POSITIONS + "_" + consumer.toLowerCase().replaceAll("[^a-z0-9_]", "_");
        return name.length() <= 63 ? name
                : name.substring(0, 54) + "_" + String.format("%08x", consumer.hashCode());
    }

    /** A consumer's name as an SQL string literal's content: the handlers' names, letters, digits, '-' and '_'. */
    private static String consumerLiteral(String consumer) {
        if (!consumer.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a consumer name: " + consumer);
        }
        return consumer;
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

    /** The tables a rebuild copies: the consumer's read models and the inbox's positions. */
    private static List<String> withPositions(List<String> tables) {
        List<String> all = new java.util.ArrayList<>(tables);
        all.add(POSITIONS);
        return all;
    }

    /** A table's indexes that no constraint or uniqueness needs, by name, with their definitions. */
    private static Map<String, String> nonUniqueIndexes(Connection c, String schema, String table) throws SQLException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class r ON r.oid = x.indrelid"
                + " JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE n.nspname = ? AND r.relname = ? AND NOT x.indisunique AND NOT x.indisprimary"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) ORDER BY i.relname")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
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
