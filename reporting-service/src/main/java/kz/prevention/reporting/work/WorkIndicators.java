package kz.prevention.reporting.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Officers' and units' prevention-work indicators, counted at query time from the read models:
 * each control visit, missed control, missed Order 163 deadline and open entry is attributed to the
 * officer and unit that held the entry on its day ({@code responsibility_fact}: a holding lasts
 * until the entry's next assignment by stream version), and each completed measure to its executing
 * agency in its district. One definition of the facts ({@link #WORK}) serves the counts and the
 * facts an officer may look through, so the two always agree.
 */
@ApplicationScoped
public class WorkIndicators {

    public static final String CONTROL_VISITS_ON_TIME = "WORK_CONTROL_VISITS_ON_TIME";
    public static final String CONTROL_VISITS_LATE = "WORK_CONTROL_VISITS_LATE";
    public static final String CONTROL_DEADLINES_MISSED = "WORK_CONTROL_DEADLINES_MISSED";
    public static final String ORDER_163_DEADLINES_MISSED = "WORK_ORDER_163_DEADLINES_MISSED";
    public static final String CASELOAD_AT_END = "WORK_CASELOAD_AT_END";
    public static final String MEASURES_DONE_ON_TIME = "WORK_MEASURES_DONE_ON_TIME";
    public static final String MEASURES_DONE_LATE = "WORK_MEASURES_DONE_LATE";

    /** What an officer's figures count (the measures are the unit's). */
    public static final Set<String> OFFICER_CODES = Set.of(CONTROL_VISITS_ON_TIME, CONTROL_VISITS_LATE,
            CONTROL_DEADLINES_MISSED, ORDER_163_DEADLINES_MISSED, CASELOAD_AT_END);
    public static final Set<String> UNIT_CODES = Set.of(CONTROL_VISITS_ON_TIME, CONTROL_VISITS_LATE,
            CONTROL_DEADLINES_MISSED, ORDER_163_DEADLINES_MISSED, CASELOAD_AT_END, MEASURES_DONE_ON_TIME,
            MEASURES_DONE_LATE);

    /**
     * The facts of the period (p.d_from .. p.d_to) of the holdings that pass the filter {@code %1$s}
     * (on agency, unit_kato, officer_id): the holder CTE is narrowed to the entries such holdings
     * touch before its window runs, and the outer query keeps the facts attributed to them.
     */
    private static final String WORK = """
            WITH p AS (SELECT ?::date AS d_from, ?::date AS d_to),
            holder AS (
                SELECT entry_id, agency, unit_kato, officer_id, from_date,
                       lead(from_date) OVER (PARTITION BY entry_id ORDER BY version) AS until
                FROM responsibility_fact
                WHERE entry_id IN (SELECT entry_id FROM responsibility_fact WHERE %1$s)),
            work AS (
                SELECT CASE WHEN c.on_time THEN 'WORK_CONTROL_VISITS_ON_TIME' ELSE 'WORK_CONTROL_VISITS_LATE' END AS indicator,
                       c.entry_id AS id, c.visit_date AS day, c.due_date, c.on_time, NULL::text AS code,
                       h.agency, h.unit_kato, h.officer_id
                FROM control_fact c CROSS JOIN p JOIN holder h ON h.entry_id = c.entry_id
                     AND h.from_date <= c.visit_date AND (h.until IS NULL OR c.visit_date < h.until)
                WHERE c.visit_date BETWEEN p.d_from AND p.d_to
                UNION ALL
                SELECT 'WORK_CONTROL_DEADLINES_MISSED', o.entry_id, o.due_date, o.due_date, false, o.measure,
                       h.agency, h.unit_kato, h.officer_id
                FROM control_overdue_fact o CROSS JOIN p JOIN holder h ON h.entry_id = o.entry_id
                     AND h.from_date <= o.due_date AND (h.until IS NULL OR o.due_date < h.until)
                WHERE o.due_date BETWEEN p.d_from AND p.d_to
                UNION ALL
                SELECT 'WORK_ORDER_163_DEADLINES_MISSED', d.entry_id, d.due_date, d.due_date, false, d.deadline,
                       h.agency, h.unit_kato, h.officer_id
                FROM deadline_missed_fact d CROSS JOIN p JOIN holder h ON h.entry_id = d.entry_id
                     AND h.from_date <= d.due_date AND (h.until IS NULL OR d.due_date < h.until)
                WHERE d.due_date BETWEEN p.d_from AND p.d_to
                UNION ALL
                SELECT 'WORK_CASELOAD_AT_END', e.entry_id, p.d_to, NULL::date, NULL::boolean, NULL::text,
                       h.agency, h.unit_kato, h.officer_id
                FROM entry_fact e CROSS JOIN p JOIN holder h ON h.entry_id = e.entry_id
                     AND h.from_date <= p.d_to AND (h.until IS NULL OR p.d_to < h.until)
                WHERE e.registered_on <= p.d_to AND (e.removed_on IS NULL OR e.removed_on > p.d_to)
                UNION ALL
                SELECT CASE WHEN m.due_date IS NULL OR m.completed_on <= m.due_date THEN 'WORK_MEASURES_DONE_ON_TIME'
                            ELSE 'WORK_MEASURES_DONE_LATE' END,
                       m.measure_id, m.completed_on, m.due_date, (m.due_date IS NULL OR m.completed_on <= m.due_date),
                       m.type, m.agency, m.kato_2, NULL::uuid
                FROM measure_fact m CROSS JOIN p
                WHERE m.completed_on BETWEEN p.d_from AND p.d_to AND m.agency IS NOT NULL AND m.kato_2 IS NOT NULL)
            """;

    /** Which holdings (and, for units, measures) a query is about: a condition on agency, unit_kato, officer_id. */
    public record Filter(String sql, List<Object> params) {

        public static Filter officer(UUID officerId) {
            return new Filter("officer_id = ?", List.of(officerId));
        }

        public static Filter unit(Unit unit) {
            return new Filter("agency = ? AND unit_kato = ?", List.of(unit.agency(), unit.kato()));
        }

        /** The agency's units within a territory ({@code prefix} of its KATO codes, "" for the republic). */
        public static Filter units(String agency, String prefix) {
            return new Filter("agency = ? AND unit_kato LIKE ?", List.of(agency, prefix + "%"));
        }
    }

    /** A count of one indicator for one unit and officer (null: the unit's unattributed work, or its measures). */
    public record Count(String indicator, Unit unit, UUID officerId, long value) {
    }

    @Inject
    AgroalDataSource dataSource;

    public List<Count> counts(Filter filter, LocalDate from, LocalDate to) {
        String sql = WORK.formatted(filter.sql()) + "SELECT indicator, agency, unit_kato, officer_id, count(*) FROM work WHERE "
                + filter.sql() + " GROUP BY indicator, agency, unit_kato, officer_id";
        List<Count> out = new ArrayList<>();
        query(sql, filter, from, to, List.of(), rs -> out.add(new Count(rs.getString(1), new Unit(rs.getString(2),
                rs.getString(3)), rs.getObject(4, UUID.class), rs.getLong(5))));
        return out;
    }

    /** The facts behind the counts, in date order; {@code indicator} null for all of them. */
    public List<WorkFact> facts(Filter filter, String indicator, LocalDate from, LocalDate to) {
        String sql = WORK.formatted(filter.sql()) + "SELECT indicator, id, day, due_date, on_time, code, agency, unit_kato"
                + " FROM work WHERE " + filter.sql() + (indicator == null ? "" : " AND indicator = ?")
                + " ORDER BY day, indicator, id";
        List<WorkFact> out = new ArrayList<>();
        query(sql, filter, from, to, indicator == null ? List.of() : List.of(indicator), rs -> out.add(new WorkFact(
                rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), (Boolean) rs.getObject(5), rs.getString(6),
                new Unit(rs.getString(7), rs.getString(8)).id())));
        return out;
    }

    /** Sums counts into figures per key (officer, unit), keys in their natural order. */
    static <K extends Comparable<K>> Map<K, Map<String, Long>> sum(List<Count> counts,
            java.util.function.Function<Count, K> key) {
        Map<K, Map<String, Long>> out = new TreeMap<>();
        for (Count c : counts) {
            K k = key.apply(c);
            if (k != null) {
                out.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(c.indicator(), c.value(), Long::sum);
            }
        }
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Filter filter, LocalDate from, LocalDate to, List<Object> tail, RowReader reader) {
        List<Object> params = new ArrayList<>();
        params.add(from);
        params.add(to);
        params.addAll(filter.params());
        params.addAll(filter.params());
        params.addAll(tail);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("work indicators query failed: " + e.getSQLState(), e);
        }
    }
}
