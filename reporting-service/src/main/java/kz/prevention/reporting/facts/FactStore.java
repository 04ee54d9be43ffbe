package kz.prevention.reporting.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.inbox.ReadModelWrites;
import kz.prevention.reporting.territory.Territory;

/**
 * Writes the read models' rows. Every statement is an upsert keyed by the aggregate's id that
 * sets only what its event knows, so applying an event twice, or events of one aggregate in
 * another order during a replay, leaves the same row. Runs inside the inbox's transaction (the
 * connection is enlisted in it). Such upserts commute, so they are deferred and sent as batches at
 * the end of the inbox batch ({@link ReadModelWrites}); an update that needs a row another event
 * creates (a transfer, a removal) runs at once, after what was deferred.
 */
@ApplicationScoped
public class FactStore {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReadModelWrites writes;

    public void entryRegistered(UUID entryId, UUID personId, String category, String group, boolean minor, String sex,
            Integer age, String measure, String region, LocalDate startDate, String controlFrequency) {
        writes.defer("""
                INSERT INTO entry_fact (entry_id, person_id, category, category_group, minor, sex, age_at_registration,
                    measure, registered_region, region, kato_1, kato_2, kato_3, kato_4, registered_on, control_frequency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entry_id) DO UPDATE SET person_id = EXCLUDED.person_id, category = EXCLUDED.category,
                    category_group = EXCLUDED.category_group, minor = EXCLUDED.minor, sex = EXCLUDED.sex,
                    age_at_registration = EXCLUDED.age_at_registration, measure = EXCLUDED.measure,
                    registered_region = EXCLUDED.registered_region, registered_on = EXCLUDED.registered_on,
                    control_frequency = EXCLUDED.control_frequency
                """, entryId, personId, category, group, minor, sex, age, measure, region, region,
                Territory.at(region, 1), Territory.at(region, 2), Territory.at(region, 3), Territory.at(region, 4),
                startDate, controlFrequency);
    }

    /** The entry now belongs to {@code toRegion}; its transfer is kept once, by its id. */
    public void entryTransferred(UUID entryId, UUID transferId, String fromRegion, String toRegion, LocalDate on) {
        writes.now("UPDATE entry_fact SET region = ?, kato_1 = ?, kato_2 = ?, kato_3 = ?, kato_4 = ? WHERE entry_id = ?",
                toRegion, Territory.at(toRegion, 1), Territory.at(toRegion, 2), Territory.at(toRegion, 3),
                Territory.at(toRegion, 4), entryId);
        writes.defer("""
                INSERT INTO transfer_fact (transfer_id, entry_id, from_region, to_region, transferred_on)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (transfer_id) DO NOTHING
                """, transferId, entryId, fromRegion, toRegion, on);
    }

    public void entryRemoved(UUID entryId, String reason, boolean early, LocalDate on) {
        writes.now("UPDATE entry_fact SET removed_on = ?, removal_reason = ?, removal_early = ? WHERE entry_id = ?", on,
                reason, early, entryId);
    }

    public void controlRecorded(UUID entryId, long version, String region, LocalDate visit, LocalDate due, boolean onTime) {
        writes.defer("""
                INSERT INTO control_fact (entry_id, version, region, kato_1, kato_2, kato_3, kato_4, visit_date, due_date, on_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, version) DO NOTHING
                """, entryId, version, region, Territory.at(region, 1), Territory.at(region, 2), Territory.at(region, 3),
                Territory.at(region, 4), visit, due, onTime);
    }

    public void controlOverdue(UUID entryId, String region, String measure, LocalDate due, int daysOverdue) {
        writes.defer("""
                INSERT INTO control_overdue_fact (entry_id, due_date, region, kato_1, kato_2, kato_3, kato_4, measure, days_overdue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, due_date) DO NOTHING
                """, entryId, due, region, Territory.at(region, 1), Territory.at(region, 2), Territory.at(region, 3),
                Territory.at(region, 4), measure, daysOverdue);
    }

    public void measureAssigned(UUID measureId, UUID planId, UUID entryId, boolean minor, String type, String typeKind,
            String agency, String region, LocalDate assignedOn, LocalDate due, long version, UUID decisionId,
            String instructionId) {
        String where = measureRegion(planId, region);
        writes.defer("""
                INSERT INTO measure_fact (measure_id, plan_id, entry_id, minor, type, type_kind, agency, region,
                    kato_1, kato_2, kato_3, kato_4, assigned_on, due_date, due_version, decision_id, instruction_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (measure_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, entry_id = EXCLUDED.entry_id,
                    minor = EXCLUDED.minor, type = EXCLUDED.type, type_kind = EXCLUDED.type_kind, agency = EXCLUDED.agency,
                    region = EXCLUDED.region, kato_1 = EXCLUDED.kato_1, kato_2 = EXCLUDED.kato_2, kato_3 = EXCLUDED.kato_3,
                    kato_4 = EXCLUDED.kato_4, assigned_on = EXCLUDED.assigned_on,
                    due_date = CASE WHEN measure_fact.due_version > EXCLUDED.due_version THEN measure_fact.due_date ELSE EXCLUDED.due_date END,
                    due_version = GREATEST(measure_fact.due_version, EXCLUDED.due_version),
                    decision_id = EXCLUDED.decision_id, instruction_id = EXCLUDED.instruction_id
                """, measureId, planId, entryId, minor, type, typeKind, agency, where, Territory.at(where, 1),
                Territory.at(where, 2), Territory.at(where, 3), Territory.at(where, 4), assignedOn, due, version,
                decisionId, instructionId);
    }

    /** A later due date (an update) wins over an earlier one by the stream version that set it. */
    public void measureDue(UUID measureId, String region, LocalDate due, long version) {
        ensureMeasure(measureId, region);
        writes.defer("""
                UPDATE measure_fact SET due_date = ?, due_version = ? WHERE measure_id = ? AND due_version < ?
                """, due, version, measureId, version);
    }

    public void measureCompleted(UUID measureId, String region, LocalDate completedOn) {
        ensureMeasure(measureId, region);
        writes.defer("UPDATE measure_fact SET completed_on = ? WHERE measure_id = ?", completedOn, measureId);
    }

    public void measureCancelled(UUID measureId, String region, String reason, LocalDate on) {
        ensureMeasure(measureId, region);
        writes.defer("UPDATE measure_fact SET cancelled_on = ?, cancel_reason = ? WHERE measure_id = ?", on, reason, measureId);
    }

    public void measureOverdue(UUID measureId, String region, LocalDate detectedOn) {
        ensureMeasure(measureId, region);
        writes.defer("UPDATE measure_fact SET overdue_on = COALESCE(overdue_on, ?) WHERE measure_id = ?", detectedOn, measureId);
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

    /** The territory of a measure: its plan's after a transfer, else its own. */
    private String measureRegion(UUID planId, String region) {
        if (planId == null) {
            return region;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT region FROM plan_transfer_fact WHERE plan_id = ?")) {
            ps.setObject(1, planId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : region;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read model query failed: " + e.getSQLState(), e);
        }
    }

    public void instruction(UUID decisionId, String instructionId, UUID commissionId, String kind, String region,
            LocalDate adoptedOn, UUID entryId, String measureType, String agency, LocalDate due) {
        writes.defer("""
                INSERT INTO instruction_fact (decision_id, instruction_id, commission_id, commission_kind, region,
                    kato_1, kato_2, kato_3, kato_4, adopted_on, entry_id, measure_type, agency, due_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id, instruction_id) DO NOTHING
                """, decisionId, instructionId, commissionId, kind, region, Territory.at(region, 1),
                Territory.at(region, 2), Territory.at(region, 3), Territory.at(region, 4), adoptedOn, entryId,
                measureType, agency, due);
    }

    /** A measure event may arrive (in a replay of several topics) before the measure's assignment. */
    private void ensureMeasure(UUID measureId, String region) {
        writes.defer("""
                INSERT INTO measure_fact (measure_id, region, kato_1, kato_2, kato_3, kato_4) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (measure_id) DO NOTHING
                """, measureId, region, Territory.at(region, 1), Territory.at(region, 2), Territory.at(region, 3),
                Territory.at(region, 4));
    }

    /** The read models' tables, each with the key that orders its rows. */
    public static final java.util.Map<String, String> TABLES = new java.util.LinkedHashMap<>(java.util.Map.of(
            "entry_fact", "entry_id", "transfer_fact", "transfer_id", "control_fact", "entry_id, version",
            "measure_fact", "measure_id", "instruction_fact", "decision_id, instruction_id",
            "control_overdue_fact", "entry_id, due_date", "plan_transfer_fact", "plan_id"));

    /** Drops every read model (a rebuild then replays all topics from offset 0); the rows dropped. */
    public long dropAll(Connection c) throws SQLException {
        long rows = 0;
        for (String table : TABLES.keySet()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table)) {
                rows += ps.executeUpdate();
            }
        }
        return rows;
    }
}
