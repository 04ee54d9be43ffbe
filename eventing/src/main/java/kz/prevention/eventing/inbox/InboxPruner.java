package kz.prevention.eventing.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.support.Housekeeping;

/**
 * Keeps {@code inbox_event} bounded: ids older than the retention are deleted, a slice at a time.
 * A redelivery older than that is still recognised by its version (see {@link InboxBatch}).
 */
@ApplicationScoped
public class InboxPruner {

    private static final int SLICE = 5000;

    private final AgroalDataSource dataSource;
    private final EventingConfig config;
    private final Housekeeping housekeeping;

    @Inject
    public InboxPruner(AgroalDataSource dataSource, EventingConfig config, Housekeeping housekeeping) {
        this.dataSource = dataSource;
        this.config = config;
        this.housekeeping = housekeeping;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.inbox().enabled()) {
            housekeeping.every(config.inbox().pruneInterval(), "pruned inbox ids older than " + config.inbox().retention(),
                    () -> prune(Instant.now().minus(config.inbox().retention())));
        }
    }

    /** Deletes ids applied before {@code cutoff}; returns how many. */
    public int prune(Instant cutoff) throws SQLException {
        int total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM inbox_event WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM inbox_event WHERE applied_at < ? LIMIT %d))""".formatted(SLICE))) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            int n;
            do {
                n = ps.executeUpdate();
                total += n;
            } while (n == SLICE);
        }
        return total;
    }
}
