package kz.prevention.reporting.figures;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Counts an indicator of the catalog from the read models: per territory (at one KATO level,
 * within a prefix) and per period. Each count indicator is one condition on one fact table,
 * evaluated against every period ({@code p_start}, {@code p_end}); flows count what happened within
 * the period, stocks what stood at its end. Where the condition reads only columns of the table's
 * cells ({@code entry_cell}, {@code measure_cell}: the facts counted per combination of those
 * columns, kept by triggers in the same statements), it is evaluated over the cells and their
 * counts summed — the same figure, at the cost of the cells rather than of the facts.
 */
@ApplicationScoped
public class FigureQueries {

    /**
     * Fact table and condition (over its alias {@code t} and the period {@code p}) of each count indicator;
     * {@code aggregate}, when not null, what is counted instead of the rows.
     */
    private record Count(String table, String condition, String aggregate) {
        Count(String table, String condition) {
            this(table, condition, null);
        }

        /** Conditions that look at other rows (EXISTS) need the facts themselves. */
        String source() {
            String derived = DERIVED.get(table);
            if (derived != null) {
                return "(" + derived + ")";
            }
            String cells = CELLS.get(table);
            return cells == null || condition.contains("EXISTS") ? table : cells;
        }

        String counted() {
            return aggregate != null ? aggregate : source().equals(table) ? "count(*)" : "sum(t.n)";
        }
    }

    /** The fact tables counted through cells, and their cells. */
    private static final Map<String, String> CELLS = Map.of("entry_fact", "entry_cell", "measure_fact", "measure_cell");

    /**
     * Sources made of several facts. {@code control_due}: an entry's control due dates — a visit due then (made on
     * time or late: {@code kept} is whether on time) or a due date missed (control-overdue: not kept) — with the
     * entry's current territory and what the entry's breakdowns read. Due dates neither visited nor yet overdue are not known here. Driven by the
     * control facts, not by every entry: probing the control facts from each entry and period took the National
     * report at 100,000 entries from ~0.5 s to 2-3 s.
     */
    private static final Map<String, String> DERIVED = Map.of("control_due", """
            SELECT e.entry_id, e.region, e.kato_1, e.kato_2, e.kato_3, e.kato_4, e.category_group, e.category, e.sex,
                   e.removal_reason, d.due_date, d.kept
            FROM (SELECT entry_id, due_date, coalesce(on_time, true) AS kept FROM control_fact WHERE due_date IS NOT NULL
                  UNION ALL SELECT entry_id, due_date, false FROM control_overdue_fact) d
            JOIN entry_fact e ON e.entry_id = d.entry_id""");

    /** Entries with a control due date in the period, and of those the ones with none missed or late in it. */
    private static final String ENTRIES_DUE = "count(DISTINCT t.entry_id)";
    private static final String ENTRIES_DUE_ALL_KEPT = "count(DISTINCT t.entry_id)"
            + " - count(DISTINCT t.entry_id) FILTER (WHERE NOT t.kept)";

    private static final Map<String, Count> COUNTS = Map.ofEntries(
            Map.entry("ENTRIES_REGISTERED", new Count("entry_fact", "t.registered_on BETWEEN p.p_start AND p.p_end")),
            Map.entry("ENTRIES_REGISTERED_MINORS",
                    new Count("entry_fact", "t.minor AND t.registered_on BETWEEN p.p_start AND p.p_end")),
            Map.entry("ENTRIES_REGISTERED_PROTECTIVE_ORDERS", new Count("entry_fact",
                    "t.category = 'PROTECTIVE_ORDER' AND t.registered_on BETWEEN p.p_start AND p.p_end")),
            Map.entry("ENTRIES_REMOVED", new Count("entry_fact", "t.removed_on BETWEEN p.p_start AND p.p_end")),
            Map.entry("ENTRIES_ON_REGISTRY_AT_END", new Count("entry_fact",
                    "t.registered_on <= p.p_end AND (t.removed_on IS NULL OR t.removed_on > p.p_end)")),
            Map.entry("REPEAT_REGISTRATIONS_12M", new Count("entry_fact",
                    "t.registered_on BETWEEN p.p_start AND p.p_end AND EXISTS (SELECT 1 FROM entry_fact r"
                            + " WHERE r.person_id = t.person_id AND r.entry_id <> t.entry_id"
                            + " AND r.removed_on BETWEEN t.registered_on - INTERVAL '12 months' AND t.registered_on)")),
            Map.entry("MEASURES_ASSIGNED", new Count("measure_fact", "t.assigned_on BETWEEN p.p_start AND p.p_end")),
            Map.entry("MEASURES_DONE_ON_TIME", new Count("measure_fact",
                    "t.completed_on BETWEEN p.p_start AND p.p_end AND (t.due_date IS NULL OR t.completed_on <= t.due_date)")),
            Map.entry("MEASURES_DONE_LATE", new Count("measure_fact",
                    "t.completed_on BETWEEN p.p_start AND p.p_end AND t.completed_on > t.due_date")),
            Map.entry("MEASURES_OPEN_OVERDUE_AT_END", new Count("measure_fact",
                    "t.assigned_on <= p.p_end AND t.due_date < p.p_end"
                            + " AND (t.completed_on IS NULL OR t.completed_on > p.p_end)"
                            + " AND (t.cancelled_on IS NULL OR t.cancelled_on > p.p_end)")),
            Map.entry("MEASURES_CANCELLED", new Count("measure_fact", "t.cancelled_on BETWEEN p.p_start AND p.p_end")),
            Map.entry("INSTRUCTIONS_ISSUED", new Count("instruction_fact", "t.adopted_on BETWEEN p.p_start AND p.p_end")),
            Map.entry("INSTRUCTIONS_DONE_ON_TIME", new Count("instruction_fact",
                    "t.adopted_on BETWEEN p.p_start AND p.p_end AND EXISTS (SELECT 1 FROM measure_fact m"
                            + " WHERE m.decision_id = t.decision_id AND m.instruction_id = t.instruction_id"
                            + " AND m.completed_on <= t.due_date)")),
            Map.entry("CONTROL_VISITS", new Count("control_fact", "t.visit_date BETWEEN p.p_start AND p.p_end")),
            Map.entry("CONTROL_DEADLINES_MISSED",
                    new Count("control_overdue_fact", "t.due_date BETWEEN p.p_start AND p.p_end")),
            Map.entry("CONTROL_VISITS_ON_TIME",
                    new Count("control_fact", "t.on_time AND t.visit_date BETWEEN p.p_start AND p.p_end")),
            Map.entry("CONTROL_RHYTHM_ENTRIES",
                    new Count("control_due", "t.due_date BETWEEN p.p_start AND p.p_end", ENTRIES_DUE)),
            Map.entry("CONTROL_RHYTHM_KEPT",
                    new Count("control_due", "t.due_date BETWEEN p.p_start AND p.p_end", ENTRIES_DUE_ALL_KEPT)),
            Map.entry("ORDER163_DEADLINES_MISSED",
                    new Count("deadline_missed_fact", "t.due_date BETWEEN p.p_start AND p.p_end")),
            Map.entry("TERMS_EXPIRED", new Count("term_expired_fact", "t.end_date BETWEEN p.p_start AND p.p_end")));

    /** The breakdowns each fact table offers: dimension name → column. */
    private static final Map<String, Map<String, String>> DIMENSIONS = Map.of(
            "entry_fact", Map.of("categoryGroup", "category_group", "category", "category", "sex", "sex",
                    "removalReason", "removal_reason"),
            "measure_fact", Map.of("measureType", "type", "executingAgency", "agency"),
            "instruction_fact", Map.of("commissionKind", "commission_kind", "executingAgency", "agency",
                    "measureType", "measure_type"),
            "control_fact", Map.of(),
            "control_overdue_fact", Map.of("measure", "measure"),
            "control_due", Map.of("categoryGroup", "category_group", "category", "category", "sex", "sex",
                    "removalReason", "removal_reason"),
            "deadline_missed_fact", Map.of("deadline", "deadline"),
            "term_expired_fact", Map.of("measure", "measure"));

    @Inject
    AgroalDataSource dataSource;

    public static boolean counts(String code) {
        return COUNTS.containsKey(code);
    }

    /** The dimensions a count indicator can be broken down by (empty for rates). */
    public static java.util.Set<String> dimensions(String code) {
        Count q = COUNTS.get(code);
        return q == null ? java.util.Set.of() : DIMENSIONS.get(q.table()).keySet();
    }

    /**
     * {territory code at {@code level} → {dimension value → count}} over one period; a missing
     * value (e.g. the reason of an entry not removed) counts under "NONE".
     */
    public Map<String, Map<String, Long>> countBy(String indicator, int level, String prefix, Granularity.Period period,
            String dimension) {
        Count q = COUNTS.get(indicator);
        String column = q == null ? null : DIMENSIONS.get(q.table()).get(dimension);
        if (column == null || level < 1 || level > 4) {
            throw new IllegalArgumentException("no breakdown of " + indicator + " by " + dimension);
        }
        String sql = "WITH p(p_key, p_start, p_end) AS (VALUES (?, ?::date, ?::date))"
                + " SELECT t.kato_" + level + ", coalesce(t." + column + ", 'NONE'), " + q.counted() + " FROM "
                + q.source() + " t JOIN p ON " + q.condition() + " WHERE t.region LIKE ? AND t.kato_" + level
                + " IS NOT NULL GROUP BY 1, 2 HAVING " + q.counted() + " > 0";
        Map<String, Map<String, Long>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, period.key());
            ps.setDate(2, Date.valueOf(period.start()));
            ps.setDate(3, Date.valueOf(period.end()));
            ps.setString(4, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("figures query failed: " + e.getSQLState(), e);
        }
        return out;
    }

    /**
     * {territory code at {@code level} → {period key → count}} for facts whose territory starts
     * with {@code prefix}; territories and periods with nothing are absent.
     */
    public Map<String, Map<String, Long>> count(String indicator, int level, String prefix,
            List<Granularity.Period> periods) {
        Count q = COUNTS.get(indicator);
        if (q == null) {
            throw new IllegalArgumentException("not a count indicator: " + indicator);
        }
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("level");
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(?, ?::date, ?::date)");
        }
        String sql = "WITH p(p_key, p_start, p_end) AS (VALUES " + values + ")"
                + " SELECT t.kato_" + level + ", p.p_key, " + q.counted() + " FROM " + q.source() + " t JOIN p ON "
                + q.condition() + " WHERE t.region LIKE ? AND t.kato_" + level + " IS NOT NULL GROUP BY 1, 2 HAVING "
                + q.counted() + " > 0";
        Map<String, Map<String, Long>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Granularity.Period p : periods) {
                ps.setString(i++, p.key());
                ps.setDate(i++, Date.valueOf(p.start()));
                ps.setDate(i++, Date.valueOf(p.end()));
            }
            ps.setString(i, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("figures query failed: " + e.getSQLState(), e);
        }
        return out;
    }
}
