package kz.prevention.eventing.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** The aggregates whose events the relay holds back, and the operator's retry of one. */
@ApplicationScoped
public class ParkedAggregates {

    /** A parked aggregate: the row that could not be sent, why, since when, and how many rows wait behind it. */
    public record Parked(String aggregateType, String aggregateId, long seq, String error, Instant parkedAt, long waiting) {
    }

    private final AgroalDataSource dataSource;
    private final RelaySignal signal;

    @Inject
    public ParkedAggregates(AgroalDataSource dataSource, RelaySignal signal) {
        this.dataSource = dataSource;
        this.signal = signal;
    }

    public List<Parked> list() {
        List<Parked> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT p.aggregatetype, p.aggregateid, p.seq, p.error, p.parked_at,
                       (SELECT count(*) FROM outbox o WHERE o.aggregatetype = p.aggregatetype AND o.aggregateid = p.aggregateid)
                FROM outbox_parked p ORDER BY p.parked_at LIMIT 1000""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Parked(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getLong(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the parked outbox aggregates", e);
        }
        return out;
    }

    /** Lets the relay try the aggregate's events again (after the cause was fixed); false when it was not parked. */
    public boolean retry(String aggregateType, String aggregateId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outbox_parked WHERE aggregatetype = ? AND aggregateid = ?")) {
            ps.setString(1, aggregateType);
            ps.setString(2, aggregateId);
            boolean was = ps.executeUpdate() == 1;
            signal.wake();
            return was;
        } catch (SQLException e) {
            throw new IllegalStateException("could not unpark " + aggregateType, e);
        }
    }
}
