package kz.prevention.eventing.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Backlog gauges read from the outbox itself, so every replica reports them, leader or not:
 * {@code eventing_outbox_backlog} (rows not yet sent) and
 * {@code eventing_outbox_oldest_pending_age_seconds}. Cached for a few seconds per scrape.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile double backlog = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;
    private volatile double parked = Double.NaN;

    @Inject
    public OutboxMetrics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("eventing.outbox.backlog", this, m -> m.read().backlog)
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("eventing.outbox.oldest.pending.age.seconds", this, m -> m.read().oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox row, 0 when none").register(registry);
        Gauge.builder("eventing.outbox.parked", this, m -> m.read().parked)
                .description("Aggregates whose events are held because one can never be published: alert on > 0")
                .register(registry);
    }

    public long backlog() {
        return (long) read().backlog;
    }

    private synchronized OutboxMetrics read() {
        if (Duration.between(readAt, Instant.now()).compareTo(CACHE) < 0) {
            return this;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM outbox),"
                        + " (SELECT coalesce(extract(epoch FROM clock_timestamp() - min(time)), 0) FROM outbox),"
                        + " (SELECT count(*) FROM outbox_parked)")) {
            rs.next();
            backlog = rs.getLong(1);
            oldestAgeSeconds = rs.getDouble(2);
            parked = rs.getLong(3);
        } catch (SQLException e) {
            backlog = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            parked = Double.NaN;
        }
        readAt = Instant.now();
        return this;
    }
}
