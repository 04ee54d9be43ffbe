package kz.prevention.eventing.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.prevention.eventing.inbox.InboxConsumers;

/**
 * Rebuilds a consumer's read models from its topics: in one transaction its inbox state (applied
 * ids, last versions) and its read models are dropped, then the consumer re-reads its topics from
 * offset 0 and applies everything again as if for the first time.
 * <p>
 * The transaction first locks the inbox tables against writers, so a batch the consumer is applying
 * either commits before the drop (and is dropped with the rest) or waits and then finds no state
 * (its later versions wait as gaps until the replay, which starts at the consumer's next poll,
 * brings their predecessors). A replay seeks the partitions assigned to this replica only: run a
 * rebuild with the service scaled to one replica.
 */
@ApplicationScoped
public class ProjectionRebuild {

    /** Drops a consumer's read models inside the rebuild's transaction. */
    @FunctionalInterface
    public interface ReadModels {
        /** @return rows dropped */
        long drop(Connection connection) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    InboxConsumers consumers;

    /** @return read-model rows dropped */
    public long rebuild(String consumer, ReadModels readModels) {
        long dropped = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                execute(c, "LOCK TABLE inbox_aggregate, inbox_event IN EXCLUSIVE MODE", null);
                execute(c, "DELETE FROM inbox_event WHERE consumer = ?", consumer);
                execute(c, "DELETE FROM inbox_aggregate WHERE consumer = ?", consumer);
                return readModels.drop(c);
            }
        });
        consumers.replay(consumer);
        return dropped;
    }

    private static void execute(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            ps.executeUpdate();
        }
    }
}
