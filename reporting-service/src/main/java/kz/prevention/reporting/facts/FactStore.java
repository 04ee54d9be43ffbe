package kz.prevention.reporting.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.inbox.ReadModelWrites;
import kz.prevention.eventing.inbox.ReadModelWrites.Rows;
import kz.prevention.reporting.territory.Territory;

/**
 * Writes the read models' rows. Every statement is an upsert keyed by the aggregate's id that
 * sets only what its event knows, so applying an event twice, or events of one aggregate in
 * another order during a replay, leaves the same row. Runs inside the inbox's transaction (the
 * connection is enlisted in it). Such upserts commute, so they wait for the end of the inbox
 * batch and go as one multi-row statement per kind ({@link ReadModelWrites.Rows}: a batch's rows
 * for one aggregate folded first, as the statements would have applied them in turn); an update
 * that needs a row another event creates (a transfer, a removal) runs at once, after what waited.
 */
@ApplicationScoped
public class FactStore {

    private static final String K4 = "text, text, text, text";

    /** The person is resolved through {@code person_merge}: an entry of a person merged before it arrived is the survivor's. */
    private static final Rows ENTRY_REGISTERED = Rows.lastWins("""
            INSERT INTO entry_fact (entry_id, person_id, category, category_group, minor, sex, measure, registered_region,
                region, kato_1, kato_2, kato_3, kato_4, registered_on, control_frequency)
            SELECT x.entry_id, coalesce((SELECT m.survivor_person_id FROM person_merge m
                    WHERE m.merged_person_id = x.person_id), x.person_id), x.category, x.category_group, x.minor, x.sex,
                x.measure, x.registered_region, x.region, x.kato_1, x.kato_2, x.kato_3, x.kato_4, x.registered_on,
                x.control_frequency
            FROM unnest(%s) AS x(entry_id, person_id, category, category_group, minor, sex, measure, registered_region,
                region, kato_1, kato_2, kato_3, kato_4, registered_on, control_frequency)
            ON CONFLICT (entry_id) DO UPDATE SET person_id = EXCLUDED.person_id, category = EXCLUDED.category,
                category_group = EXCLUDED.category_group, minor = EXCLUDED.minor, sex = EXCLUDED.sex,
                measure = EXCLUDED.measure,
                registered_region = EXCLUDED.registered_region, registered_on = EXCLUDED.registered_on,
                control_frequency = EXCLUDED.control_frequency
            """, 1, types("uuid, uuid, text, text, bool, text, text, text, text", K4, "date, text"));
    private static final Rows TRANSFER = Rows.firstWins("""
            INSERT INTO transfer_fact (transfer_id, entry_id, from_region, to_region, transferred_on)
            SELECT * FROM unnest(%s) ON CONFLICT (transfer_id) DO NOTHING
            """, 1, types("uuid, uuid, text, text, date"));
    private static final Rows CONTROL = Rows.firstWins("""
            INSERT INTO control_fact (entry_id, version, region, kato_1, kato_2, kato_3, kato_4, visit_date, due_date, on_time)
            SELECT * FROM unnest(%s) ON CONFLICT (entry_id, version) DO NOTHING
            """, 2, types("uuid, bigint, text", K4, "date, date, bool"));
    private static final Rows CONTROL_OVERDUE = Rows.firstWins("""
            INSERT INTO control_overdue_fact (entry_id, due_date, region, kato_1, kato_2, kato_3, kato_4, measure, days_overdue)
            SELECT * FROM unnest(%s) ON CONFLICT (entry_id, due_date) DO NOTHING
            """, 2, types("uuid, date, text", K4, "text, int"));
    /** Column 15 is the due date's stream version: of two assignments of one measure, the due date of the higher wins. */
    private static final Rows MEASURE_ASSIGNED = Rows.folded("""
            INSERT INTO measure_fact (measure_id, plan_id, entry_id, minor, type, type_kind, agency, region,
                kato_1, kato_2, kato_3, kato_4, assigned_on, due_date, due_version, decision_id, instruction_id)
            SELECT * FROM unnest(%s)
            ON CONFLICT (measure_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, entry_id = EXCLUDED.entry_id,
                minor = EXCLUDED.minor, type = EXCLUDED.type, type_kind = EXCLUDED.type_kind, agency = EXCLUDED.agency,
                region = EXCLUDED.region, kato_1 = EXCLUDED.kato_1, kato_2 = EXCLUDED.kato_2, kato_3 = EXCLUDED.kato_3,
                kato_4 = EXCLUDED.kato_4, assigned_on = EXCLUDED.assigned_on,
                due_date = CASE WHEN measure_fact.due_version > EXCLUDED.due_version THEN measure_fact.due_date ELSE EXCLUDED.due_date END,
                due_version = GREATEST(measure_fact.due_version, EXCLUDED.due_version),
                decision_id = EXCLUDED.decision_id, instruction_id = EXCLUDED.instruction_id
            """, 1, FactStore::laterAssignment, types("uuid, uuid, uuid, bool, text, text, text, text", K4,
            "date, date, bigint, uuid, text"));
    private static final Rows MEASURE_KNOWN = Rows.firstWins("""
            INSERT INTO measure_fact (measure_id, region, kato_1, kato_2, kato_3, kato_4) SELECT * FROM unnest(%s)
            ON CONFLICT (measure_id) DO NOTHING
            """, 1, types("uuid, text", K4));
    private static final Rows MEASURE_DUE = Rows.folded("""
            UPDATE measure_fact m SET due_date = x.due, due_version = x.version FROM unnest(%s) AS x(id, due, version)
            WHERE m.measure_id = x.id AND m.due_version < x.version
            """, 1, (a, b) -> (long) b[2] >= (long) a[2] ? b : a, types("uuid, date, bigint"));
    private static final Rows MEASURE_COMPLETED = Rows.lastWins("""
            UPDATE measure_fact m SET completed_on = x.completed FROM unnest(%s) AS x(id, completed) WHERE m.measure_id = x.id
            """, 1, types("uuid, date"));
    private static final Rows MEASURE_CANCELLED = Rows.lastWins("""
            UPDATE measure_fact m SET cancelled_on = x.cancelled, cancel_reason = x.reason FROM unnest(%s) AS x(id, cancelled, reason)
            WHERE m.measure_id = x.id
            """, 1, types("uuid, date, text"));
    /** The first detection stands (COALESCE), in the batch as in the table. */
    private static final Rows MEASURE_OVERDUE = Rows.firstWins("""
            UPDATE measure_fact m SET overdue_on = COALESCE(m.overdue_on, x.detected) FROM unnest(%s) AS x(id, detected)
            WHERE m.measure_id = x.id
            """, 1, types("uuid, date"));
    private static final Rows INSTRUCTION = Rows.firstWins("""
            INSERT INTO instruction_fact (decision_id, instruction_id, commission_id, commission_kind, region,
                kato_1, kato_2, kato_3, kato_4, adopted_on, entry_id, measure_type, agency, due_date)
            SELECT * FROM unnest(%s) ON CONFLICT (decision_id, instruction_id) DO NOTHING
            """, 2, types("uuid, text, uuid, text, text", K4, "date, uuid, text, text, date"));

    private static final Rows RESPONSIBILITY = Rows.firstWins("""
            INSERT INTO responsibility_fact (entry_id, version, region, agency, unit_kato, officer_id, from_date, occasion)
            SELECT * FROM unnest(%s) ON CONFLICT (entry_id, version) DO NOTHING
            """, 2, types("uuid, bigint, text, text, text, uuid, date, text"));
    private static final Rows DEADLINE_MISSED = Rows.firstWins("""
            INSERT INTO deadline_missed_fact (entry_id, deadline, due_date, region, rule, kato_1, kato_2, kato_3, kato_4)
            SELECT * FROM unnest(%s) ON CONFLICT (entry_id, deadline, due_date) DO NOTHING
            """, 3, types("uuid, text, date, text, text", K4));
    private static final Rows TERM_EXPIRED = Rows.firstWins("""
            INSERT INTO term_expired_fact (entry_id, end_date, region, kato_1, kato_2, kato_3, kato_4, measure)
            SELECT * FROM unnest(%s) ON CONFLICT (entry_id, end_date) DO NOTHING
            """, 2, types("uuid, date, text", K4, "text"));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReadModelWrites writes;

    public void entryRegistered(UUID entryId, UUID personId, String category, String group, boolean minor, String sex,
            String measure, String region, LocalDate startDate, String controlFrequency) {
        writes.beforeFlush(MergesHeld.class, () -> new MergesHeld(this));
        writes.row(ENTRY_REGISTERED, entryId, personId, category, group, minor, sex, measure, region, region,
                Territory.at(region, 1), Territory.at(region, 2), Territory.at(region, 3), Territory.at(region, 4),
                startDate, controlFrequency);
    }

    /**
     * The registry merged {@code merged} into {@code survivor}: the merge is kept (for entries of the
     * merged id still to come, see {@link #ENTRY_REGISTERED}) and the entries known under the merged id
     * become the survivor's. Whichever of a merge and an entry's registration is applied first, the
     * entry ends with the survivor; applied again, nothing changes. The registry merges only into a
     * person holding an IIN, who is never merged in turn; should a chain still come, in either order
     * every id ends at the last survivor. Runs at once ({@code now}): the batch's waiting entries
     * are written first, so they are re-keyed too.
     */
    public void personMerged(UUID merged, UUID survivor) {
        lock("SHARE ROW EXCLUSIVE");
        writes.now("""
                INSERT INTO person_merge (merged_person_id, survivor_person_id)
                VALUES (?, coalesce((SELECT survivor_person_id FROM person_merge WHERE merged_person_id = ?), ?))
                ON CONFLICT (merged_person_id) DO NOTHING
                """, merged, survivor, survivor);
        String survivorNow = "(SELECT survivor_person_id FROM person_merge WHERE merged_person_id = ?)";
        writes.now("UPDATE person_merge SET survivor_person_id = " + survivorNow + " WHERE survivor_person_id = ?",
                merged, merged);
        writes.now("UPDATE entry_fact SET person_id = " + survivorNow + " WHERE person_id = ?", merged, merged);
    }

    /**
     * With several replicas a merge and a registration under the merged id may be applied at once, in
     * two transactions (their topics' partitions are on different consumers) that do not see each
     * other's rows: the registration would keep the merged id. A merge therefore holds
     * {@code person_merge} in SHARE ROW EXCLUSIVE mode, and a batch writing registrations in SHARE mode
     * (this hook, before its rows go), each to its commit: one waits for the other, and the later sees
     * what the earlier wrote. Registrations do not wait for each other; merges are rare.
     */
    private static final class MergesHeld implements Runnable {
        private final FactStore store;

        MergesHeld(FactStore store) {
            this.store = store;
        }

        @Override
        public void run() {
            store.lock("SHARE");
        }
    }

    /** Locks {@code person_merge} (of the schema being written: a rebuild's shadow one) until the transaction ends. */
    private void lock(String mode) {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("LOCK TABLE person_merge IN " + mode + " MODE");
        } catch (SQLException e) {
            throw new IllegalStateException("read model lock failed: " + e.getSQLState(), e);
        }
    }

    /** The entry now belongs to {@code toRegion}; its transfer is kept once, by its id. */
    public void entryTransferred(UUID entryId, UUID transferId, String fromRegion, String toRegion, LocalDate on) {
        writes.now("UPDATE entry_fact SET region = ?, kato_1 = ?, kato_2 = ?, kato_3 = ?, kato_4 = ? WHERE entry_id = ?",
                toRegion, Territory.at(toRegion, 1), Territory.at(toRegion, 2), Territory.at(toRegion, 3),
                Territory.at(toRegion, 4), entryId);
        writes.row(TRANSFER, transferId, entryId, fromRegion, toRegion, on);
    }

    public void entryRemoved(UUID entryId, String reason, boolean early, LocalDate on) {
        writes.now("UPDATE entry_fact SET removed_on = ?, removal_reason = ?, removal_early = ? WHERE entry_id = ?", on,
                reason, early, entryId);
    }

    public void controlRecorded(UUID entryId, long version, String region, LocalDate visit, LocalDate due, boolean onTime) {
        writes.row(CONTROL, entryId, version, region, Territory.at(region, 1), Territory.at(region, 2),
                Territory.at(region, 3), Territory.at(region, 4), visit, due, onTime);
    }

    /** Who holds the entry from {@code from}: a row per assignment, by its stream version (V7). */
    public void officerAssigned(UUID entryId, long version, String region, String agency, UUID officerId, LocalDate from,
            String occasion) {
        writes.row(RESPONSIBILITY, entryId, version, region, agency, Territory.at(region, 2), officerId, from, occasion);
    }

    public void deadlineMissed(UUID entryId, String deadline, LocalDate due, String region, String rule) {
        writes.row(DEADLINE_MISSED, entryId, deadline, due, region, rule, Territory.at(region, 1),
                Territory.at(region, 2), Territory.at(region, 3), Territory.at(region, 4));
    }

    /** A term that ended with the entry still on the registry: once per entry and end date (V8). */
    public void termExpired(UUID entryId, String region, String measure, LocalDate end) {
        writes.row(TERM_EXPIRED, entryId, end, region, Territory.at(region, 1), Territory.at(region, 2),
                Territory.at(region, 3), Territory.at(region, 4), measure);
    }

    public void controlOverdue(UUID entryId, String region, String measure, LocalDate due, int daysOverdue) {
        writes.row(CONTROL_OVERDUE, entryId, due, region, Territory.at(region, 1), Territory.at(region, 2),
                Territory.at(region, 3), Territory.at(region, 4), measure, daysOverdue);
    }

    /**
     * The measure's territory is its plan's when the plan was transferred: the batch's assignments
     * wait for the flush, which reads their plans' territories in one query.
     */
    public void measureAssigned(UUID measureId, UUID planId, UUID entryId, boolean minor, String type, String typeKind,
            String agency, String region, LocalDate assignedOn, LocalDate due, long version, UUID decisionId,
            String instructionId) {
        writes.beforeFlush(PlanTerritories.class, () -> new PlanTerritories(this)).add(new Object[] {measureId, planId,
                entryId, minor, type, typeKind, agency, region, null, null, null, null, assignedOn, due, version,
                decisionId, instructionId});
    }

    /** A later due date (an update) wins over an earlier one by the stream version that set it. */
    public void measureDue(UUID measureId, String region, LocalDate due, long version) {
        ensureMeasure(measureId, region);
        writes.row(MEASURE_DUE, measureId, due, version);
    }

    public void measureCompleted(UUID measureId, String region, LocalDate completedOn) {
        ensureMeasure(measureId, region);
        writes.row(MEASURE_COMPLETED, measureId, completedOn);
    }

    public void measureCancelled(UUID measureId, String region, String reason, LocalDate on) {
        ensureMeasure(measureId, region);
        writes.row(MEASURE_CANCELLED, measureId, on, reason);
    }

    public void measureOverdue(UUID measureId, String region, LocalDate detectedOn) {
        ensureMeasure(measureId, region);
        writes.row(MEASURE_OVERDUE, measureId, detectedOn);
    }

    /** A plan moved to another territory: its measures (those known and those still to come) go with it. */
    public void planTransferred(UUID planId, String toRegion, long version) {
        writes.now("""
                INSERT INTO plan_transfer_fact (plan_id, region, version) VALUES (?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET region = EXCLUDED.region, version = EXCLUDED.version
                WHERE plan_transfer_fact.version < EXCLUDED.version
                """, planId, toRegion, version);
        writes.now("""
                UPDATE measure_fact m SET region = p.region, kato_1 = ?, kato_2 = ?, kato_3 = ?, kato_4 = ?
                FROM plan_transfer_fact p WHERE p.plan_id = m.plan_id AND m.plan_id = ? AND p.region = ?
                """, Territory.at(toRegion, 1), Territory.at(toRegion, 2), Territory.at(toRegion, 3),
                Territory.at(toRegion, 4), planId, toRegion);
    }

    /**
     * The assignments of a batch until its flush; then the territories of their transferred plans
     * in one query, and the rows. A plan's transfer later in the batch flushes first ({@code now}),
     * so each assignment sees the plans as they stood when it came, as one read per event did.
     */
    private static final class PlanTerritories implements Runnable {
        private final FactStore store;
        private final List<Object[]> assignments = new ArrayList<>();

        PlanTerritories(FactStore store) {
            this.store = store;
        }

        void add(Object[] row) {
            assignments.add(row);
        }

        @Override
        public void run() {
            Set<UUID> plans = new HashSet<>();
            assignments.forEach(a -> {
                if (a[1] != null) {
                    plans.add((UUID) a[1]);
                }
            });
            Map<UUID, String> moved = store.planRegions(plans);
            for (Object[] a : assignments) {
                String where = a[1] == null ? (String) a[7] : moved.getOrDefault((UUID) a[1], (String) a[7]);
                a[7] = where;
                for (int level = 1; level <= Territory.LEVELS; level++) {
                    a[7 + level] = Territory.at(where, level);
                }
                store.writes.row(MEASURE_ASSIGNED, a);
            }
        }
    }

    /** The territories of those of {@code plans} that were transferred. */
    private Map<UUID, String> planRegions(Set<UUID> plans) {
        Map<UUID, String> out = new HashMap<>();
        if (plans.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT plan_id, region FROM plan_transfer_fact WHERE plan_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", plans.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read model query failed: " + e.getSQLState(), e);
        }
        return out;
    }

    public void instruction(UUID decisionId, String instructionId, UUID commissionId, String kind, String region,
            LocalDate adoptedOn, UUID entryId, String measureType, String agency, LocalDate due) {
        writes.row(INSTRUCTION, decisionId, instructionId, commissionId, kind, region, Territory.at(region, 1),
                Territory.at(region, 2), Territory.at(region, 3), Territory.at(region, 4), adoptedOn, entryId,
                measureType, agency, due);
    }

    /** A measure event may arrive (in a replay of several topics) before the measure's assignment. */
    private void ensureMeasure(UUID measureId, String region) {
        writes.row(MEASURE_KNOWN, measureId, region, Territory.at(region, 1), Territory.at(region, 2),
                Territory.at(region, 3), Territory.at(region, 4));
    }

    /** Two assignments of one measure in a batch, folded as the upsert would apply them in turn. */
    private static Object[] laterAssignment(Object[] earlier, Object[] later) {
        Object[] out = later.clone();
        if ((long) earlier[14] > (long) later[14]) {
            out[13] = earlier[13];
            out[14] = earlier[14];
        }
        return out;
    }

    private static String[] types(String... lists) {
        return String.join(", ", lists).split(",\\s*");
    }

    /**
     * The read models' tables, each with the key that orders its rows. Only tables fed by events: the
     * report jobs and their files (V8) are callers' requests, neither rebuilt nor digested.
     */
    public static final java.util.Map<String, String> TABLES = new java.util.LinkedHashMap<>(java.util.Map.ofEntries(
            Map.entry("entry_fact", "entry_id"), Map.entry("transfer_fact", "transfer_id"),
            Map.entry("control_fact", "entry_id, version"), Map.entry("measure_fact", "measure_id"),
            Map.entry("instruction_fact", "decision_id, instruction_id"),
            Map.entry("control_overdue_fact", "entry_id, due_date"), Map.entry("plan_transfer_fact", "plan_id"),
            Map.entry("responsibility_fact", "entry_id, version"),
            Map.entry("deadline_missed_fact", "entry_id, deadline, due_date"),
            Map.entry("term_expired_fact", "entry_id, end_date"), Map.entry("person_merge", "merged_person_id")));

    /** The figures' cells (V5): derived from the facts, rebuilt with them and filled from them before the swap. */
    public static final List<String> CELL_TABLES = List.of("entry_cell", "measure_cell");
    public static final List<String> REBUILT_TABLES = java.util.stream.Stream
            .concat(TABLES.keySet().stream(), CELL_TABLES.stream()).toList();
    public static final List<String> BEFORE_SWAP = List.of("SELECT figure_cells_fill()");
}
