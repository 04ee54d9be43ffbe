package kz.prevention.eventing.inbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox tables, a batch at a time: which of a poll's event ids were applied before, the
 * last applied version of every aggregate in the poll (locked, in key order, so two consumers
 * never interleave on one aggregate and never deadlock), and the new state written back in
 * two statements.
 */
final class InboxStore {

    /** An aggregate's position in one consumer: last applied version, and why it is quarantined (or null). */
    record Position(long lastVersion, String quarantine) {
    }

    private InboxStore() {
    }

    static Set<UUID> alreadyApplied(Connection c, String consumer, List<UUID> ids) throws SQLException {
        Set<UUID> seen = new HashSet<>();
        // One whole-key lookup per id, as in lockPositions (the LIMIT keeps the planner from flattening it
        // into a join it may plan as a scan of all of the consumer's ids: 11.7 s of a 48 s live run in JFR).
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT e.event_id FROM unnest(?::uuid[]) AS k(id) CROSS JOIN LATERAL (
                    SELECT i.event_id FROM inbox_event i WHERE i.consumer = ? AND i.event_id = k.id LIMIT 1) e""")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.setString(2, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return seen;
    }

    /** Keyed by "topic\u0000aggregateId"; aggregates never seen are absent. Their rows are locked. */
    static Map<String, Position> lockPositions(Connection c, String consumer, String topic, Set<String> aggregateIds)
            throws SQLException {
        return positions(c, consumer, topic, aggregateIds, true);
    }

    /**
     * As {@link #lockPositions}, locking the rows only when {@code lock}: a rebuild's replay is the only writer of
     * its shadow copy, and a row lock writes the row's page (and the WAL) for every aggregate of every batch.
     */
    static Map<String, Position> positions(Connection c, String consumer, String topic, Set<String> aggregateIds,
            boolean lock) throws SQLException {
        Map<String, Position> out = new HashMap<>();
        List<String> sorted = new ArrayList<>(aggregateIds);
        sorted.sort(null);
        // One index lookup by the whole key per id, locked in the ids' (sorted) order. "aggregateid = ANY (?)"
        // let the planner's generic plan (estimating one row per consumer and topic) scan all of the
        // consumer's rows and compare each with every id of the batch: ~340 ms per 500-record batch at
        // 20,000 aggregates, growing with the table, and seconds per batch on a rebuild's fresh copy
        // (docs/benchmarks/reporting.md).
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.aggregateid, a.last_version, a.quarantine_reason
                FROM unnest(?::text[]) AS k(id) CROSS JOIN LATERAL (
                    SELECT i.aggregateid, i.last_version, i.quarantine_reason FROM inbox_aggregate i
                    WHERE i.consumer = ? AND i.topic = ? AND i.aggregateid = k.id LIMIT 1""" + (lock ? " FOR UPDATE" : "") + ") a")) {
            ps.setArray(1, c.createArrayOf("text", sorted.toArray()));
            ps.setString(2, consumer);
            ps.setString(3, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(key(topic, rs.getString(1)), new Position(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    static String key(String topic, String aggregateId) {
        return topic + '\u0000' + aggregateId;
    }

    /** Records the applied events; false when another consumer recorded one of them first (a rebalance overlap). */
    static boolean recordApplied(Connection c, String consumer, List<InboxRecord> applied) throws SQLException {
        if (applied.isEmpty()) {
            return true;
        }
        int n = applied.size();
        Object[] ids = new Object[n];
        String[] types = new String[n];
        String[] topics = new String[n];
        String[] aggregates = new String[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            InboxRecord r = applied.get(i);
            ids[i] = UUID.fromString(r.event().id());
            types[i] = r.event().type();
            topics[i] = r.topic();
            aggregates[i] = r.event().subject();
            versions[i] = r.event().aggregateversion();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO inbox_event (consumer, event_id, type, topic, aggregateid, aggregateversion)
                SELECT ?, * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("text", types));
            ps.setArray(4, c.createArrayOf("text", topics));
            ps.setArray(5, c.createArrayOf("text", aggregates));
            ps.setArray(6, c.createArrayOf("bigint", versions));
            return ps.executeUpdate() == n;
        }
    }

    /** Writes back the last applied version (and quarantine) of every aggregate the batch moved. */
    static void savePositions(Connection c, String consumer, Map<String, Position> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        String[] topics = new String[n];
        String[] aggregates = new String[n];
        Long[] versions = new Long[n];
        String[] quarantines = new String[n];
        int i = 0;
        for (Map.Entry<String, Position> e : changed.entrySet()) {
            int sep = e.getKey().indexOf('\u0000');
            topics[i] = e.getKey().substring(0, sep);
            aggregates[i] = e.getKey().substring(sep + 1);
            versions[i] = e.getValue().lastVersion();
            quarantines[i] = e.getValue().quarantine();
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO inbox_aggregate (consumer, topic, aggregateid, last_version, quarantine_reason, quarantined_at)
                SELECT ?, t, a, v, q, CASE WHEN q IS NULL THEN NULL ELSE clock_timestamp() END
                FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) AS x(t, a, v, q)
                ON CONFLICT (consumer, topic, aggregateid) DO UPDATE
                SET last_version = EXCLUDED.last_version, updated_at = clock_timestamp(),
                    quarantine_reason = coalesce(inbox_aggregate.quarantine_reason, EXCLUDED.quarantine_reason),
                    quarantined_at = coalesce(inbox_aggregate.quarantined_at, EXCLUDED.quarantined_at)""")) {
            ps.setString(1, consumer);
            ps.setArray(2, array(c, "text", topics));
            ps.setArray(3, array(c, "text", aggregates));
            ps.setArray(4, array(c, "bigint", versions));
            ps.setArray(5, array(c, "text", quarantines));
            ps.executeUpdate();
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}
