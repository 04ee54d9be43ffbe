package kz.prevention.eventing.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.GapPolicy;

/** A consumer that will not apply an event past a missing version (GapPolicy.WAIT). */
@ApplicationScoped
public class StrictProjection implements EventHandler {

    public static final String NAME = "ledger-strict";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of("test.ledger.accounts");
    }

    @Override
    public GapPolicy gapPolicy() {
        return GapPolicy.WAIT;
    }

    @Override
    public void handle(CloudEvent event) {
        if (event.data().path("poison").asBoolean(false)) {
            throw new IllegalStateException("poisoned test event " + event.id());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO strict_applied (event_id, account_id, version) VALUES (?, ?, ?)")) {
            ps.setObject(1, UUID.fromString(event.id()));
            ps.setString(2, event.subject());
            ps.setLong(3, event.aggregateversion());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
