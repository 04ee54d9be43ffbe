package kz.prevention.eventing.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows written in the same statement as something else, as data-modifying CTEs
 * ({@code name AS (INSERT … VALUES (?, …))}) placed before it: a change's history and audit rows
 * lead its outbox insert, so the three cost one round trip instead of three. On these machines a
 * round trip is mostly kernel time (see {@code docs/benchmarks/platform-analysis.md}); PostgreSQL
 * runs every data-modifying CTE exactly once and to completion whether or not the main statement
 * reads it.
 */
public interface LeadingWrites {

    /** The CTE items, comma-separated, without {@code WITH}; their names must differ from one another and from {@code v}. */
    String ctes();

    /**
     * Binds this part's parameters starting at {@code from}.
     *
     * @return the index of the next parameter
     */
    int bind(PreparedStatement ps, int from) throws SQLException;

    /** Several parts in order, as one. */
    static LeadingWrites of(List<LeadingWrites> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String ctes = String.join(", ", parts.stream().map(LeadingWrites::ctes).toList());
        return new LeadingWrites() {
            @Override
            public String ctes() {
                return ctes;
            }

            @Override
            public int bind(PreparedStatement ps, int from) throws SQLException {
                int next = from;
                for (LeadingWrites p : parts) {
                    next = p.bind(ps, next);
                }
                return next;
            }
        };
    }
}
