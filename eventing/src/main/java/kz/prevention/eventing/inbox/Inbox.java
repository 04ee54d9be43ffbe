package kz.prevention.eventing.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.envelope.TraceContext;

/**
 * Applies an event at most once per consumer: its id is recorded in {@code inbox_event} in the
 * same transaction as the handler's changes, and the aggregate's last applied version in
 * {@code inbox_aggregate}. A second delivery finds the id and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final AgroalDataSource dataSource;

    @Inject
    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ApplyResult apply(EventHandler handler, String topic, CloudEvent event, Runnable onGap) {
        return QuarkusTransaction.requiringNew().call(() -> applyInTransaction(handler, topic, event, onGap));
    }

    private ApplyResult applyInTransaction(EventHandler handler, String topic, CloudEvent event, Runnable onGap)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!recordId(c, handler.name(), topic, event)) {
                return ApplyResult.DUPLICATE;
            }
            Long last = lastVersion(c, handler.name(), topic, event.subject());
            long version = event.aggregateversion();
            if (last != null && version <= last) {
                return ApplyResult.STALE;
            }
            long expected = last == null ? 1 : last + 1;
            if (version > expected) {
                if (handler.gapPolicy() == GapPolicy.WAIT) {
                    throw new VersionGapException(event.subject(), last == null ? 0 : last, version);
                }
                LOG.warnf("consumer %s: %s %s skips from version %d to %d; applying (GapPolicy.APPLY)", handler.name(),
                        event.type(), event.subject(), expected - 1, version);
                onGap.run();
            }
            saveVersion(c, handler.name(), topic, event.subject(), version, last == null);
        }
        handleInRequestContext(handler, event);
        return ApplyResult.APPLIED;
    }

    private static void handleInRequestContext(EventHandler handler, CloudEvent event) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(TraceContext.class).get().set(event.traceparent());
            handler.handle(event);
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private static boolean recordId(Connection c, String consumer, String topic, CloudEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO inbox_event (consumer, event_id, type, topic, aggregateid, aggregateversion)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, consumer);
            ps.setObject(2, UUID.fromString(event.id()));
            ps.setString(3, event.type());
            ps.setString(4, topic);
            ps.setString(5, event.subject());
            ps.setLong(6, event.aggregateversion());
            return ps.executeUpdate() == 1;
        }
    }

    private static Long lastVersion(Connection c, String consumer, String topic, String aggregateId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT last_version FROM inbox_aggregate
                WHERE consumer = ? AND topic = ? AND aggregateid = ? FOR UPDATE""")) {
            ps.setString(1, consumer);
            ps.setString(2, topic);
            ps.setString(3, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void saveVersion(Connection c, String consumer, String topic, String aggregateId, long version,
            boolean first) throws SQLException {
        String sql = first
                ? "INSERT INTO inbox_aggregate (consumer, topic, aggregateid, last_version) VALUES (?, ?, ?, ?)"
                : "UPDATE inbox_aggregate SET last_version = ?, updated_at = clock_timestamp()"
                        + " WHERE consumer = ? AND topic = ? AND aggregateid = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (first) {
                ps.setString(1, consumer);
                ps.setString(2, topic);
                ps.setString(3, aggregateId);
                ps.setLong(4, version);
            } else {
                ps.setLong(1, version);
                ps.setString(2, consumer);
                ps.setString(3, topic);
                ps.setString(4, aggregateId);
            }
            ps.executeUpdate();
        }
    }
}
