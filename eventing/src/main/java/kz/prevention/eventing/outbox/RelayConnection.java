package kz.prevention.eventing.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import kz.prevention.eventing.support.LeaderSession;

/** The relay's queries, on its {@link LeaderSession}. */
final class RelayConnection implements AutoCloseable {

    static final String JOB = "outbox-relay";

    private final LeaderSession session;
    private final Connection connection;

    RelayConnection(LeaderSession session) {
        this.session = session;
        this.connection = session.connection();
    }

    boolean tryBecomeLeader() throws SQLException {
        return session.tryLead();
    }

    /** The oldest unpublished rows, skipping the aggregates that are parked. */
    List<PendingEvent> pending(int limit) throws SQLException {
        String sql = """
                SELECT o.seq, o.id, o.aggregatetype, o.aggregateid, o.type, o.topic, o.aggregateversion, o.time,
                       o.traceparent, o.data
                FROM outbox o
                WHERE NOT EXISTS (SELECT 1 FROM outbox_parked p
                                  WHERE p.aggregatetype = o.aggregatetype AND p.aggregateid = o.aggregateid)
                ORDER BY o.seq LIMIT ?""";
        List<PendingEvent> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant(),
                            rs.getString(9), rs.getString(10)));
                }
            }
        }
        return rows;
    }

    /** Published rows leave the outbox: Kafka now holds them. */
    void delete(List<PendingEvent> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        Long[] seqs = sent.stream().map(PendingEvent::seq).toArray(Long[]::new);
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM outbox WHERE seq = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("bigint", seqs));
            ps.executeUpdate();
        }
    }

    /** Holds back this event's aggregate (and only it) until a person retries it. */
    void park(PendingEvent event, String error) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO outbox_parked (aggregatetype, aggregateid, seq, error) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, event.aggregateType());
            ps.setString(2, event.aggregateId());
            ps.setLong(3, event.seq());
            ps.setString(4, error.length() > 2000 ? error.substring(0, 2000) : error);
            ps.executeUpdate();
        }
    }

    int backendPid() throws SQLException {
        return session.backendPid();
    }

    @Override
    public void close() {
        session.close();
    }
}
