package kz.prevention.eventing.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows written in the same statement as something else, as data-modifying CTEs
 * ({@code name AS (INSERT … VALUES (?, …))}) placed before it: a change's history and audit rows
 * lead its outbox insert, so the three cost one round trip instead of three. On these machines a
 * round trip is mostly kernel time (see {@code docs/benchmarks/platform-analysis.md}); PostgreSQL
 * runs every data-modifying CTE exactly once and to completion whether or not the main statement
 * reads it. Values are bound as text and the CTE casts them to their columns' types
 * ({@code ?::uuid}): a null then has the same parameter type as a value, so the statement a
 * driver prepared once stays prepared whichever of its values are null.
 */
public final class LeadingWrites {

    private final String ctes;
    private final List<Object> values;

    private LeadingWrites(String ctes, List<Object> values) {
        this.ctes = ctes;
        this.values = values;
    }

    /**
     * One CTE and its parameters' values, in order, each bound as its {@code toString()}; its name
     * must differ from the others' and from {@code v}.
     */
    public static LeadingWrites cte(String cte, Object... values) {
        return new LeadingWrites(cte, java.util.Arrays.asList(values));
    }

    /** Several in order, as one. */
    public static LeadingWrites of(List<LeadingWrites> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder ctes = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (LeadingWrites p : parts) {
            ctes.append(ctes.isEmpty() ? "" : ", ").append(p.ctes);
            values.addAll(p.values);
        }
        return new LeadingWrites(ctes.toString(), values);
    }

    /** {@code statement} (a main statement, or further CTEs and one) with these rows written before it. */
    public String before(String statement) {
        return "WITH " + ctes + ", " + statement;
    }

    /** A statement that writes these rows and nothing else. */
    public String alone() {
        return "WITH " + ctes + " SELECT 1";
    }

    /**
     * Binds these rows' parameters, the first at {@code from}.
     *
     * @return the index of the next parameter
     */
    public int bind(PreparedStatement ps, int from) throws SQLException {
        int i = from;
        for (Object v : values) {
            ps.setString(i++, v == null ? null : v.toString());
        }
        return i;
    }
}
