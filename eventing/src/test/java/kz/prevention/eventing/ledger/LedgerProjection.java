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

/** Consumes the ledger's events through the inbox (GapPolicy.APPLY, the default). */
@ApplicationScoped
public class LedgerProjection implements EventHandler {

    public static final String NAME = "ledger-projection";

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
    public void handle(CloudEvent event) {
        if (event.data().path("poison").asBoolean(false)) {
            throw new IllegalStateException("poisoned test event " + event.id());
        }
        long amount = event.data().path("amount").asLong();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ledger_applied (event_id, account_id, version, amount) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, UUID.fromString(event.id()));
                ps.setString(2, event.subject());
                ps.setLong(3, event.aggregateversion());
                ps.setLong(4, amount);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ledger_projection (account_id, total, events) VALUES (?, ?, 1)
                    ON CONFLICT (account_id) DO UPDATE
                    SET total = ledger_projection.total + EXCLUDED.total, events = ledger_projection.events + 1""")) {
                ps.setString(1, event.subject());
                ps.setLong(2, amount);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
