package kz.prevention.eventing.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.ReadModelWrites;
import kz.prevention.eventing.inbox.Subscriptions;

/**
 * Consumes the ledger's events through the inbox, recording what it applied in the order it applied
 * it. Its totals are an upsert that commutes (a sum), so it is deferred to the batch's end as the
 * services' read models are ({@link ReadModelWrites}); a note {@value #POISON_AT_FLUSH} defers a
 * statement that breaks a NOT NULL constraint only when the batch is flushed.
 */
@ApplicationScoped
public class LedgerProjection implements EventHandler {

    public static final String NAME = "ledger-projection";
    public static final String POISON_AT_FLUSH = "poison-at-flush";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReadModelWrites writes;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions.create().onEnvelope(AccountCredited.class, this::credited);
    }

    private void credited(AccountCredited data, CloudEvent event) {
        if (Boolean.TRUE.equals(data.poison())) {
            throw new IllegalStateException("poisoned test event " + event.id());
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ledger_applied (event_id, account_id, version, amount) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, UUID.fromString(event.id()));
                ps.setString(2, event.subject());
                ps.setLong(3, event.aggregateversion());
                ps.setLong(4, data.amount());
                ps.executeUpdate();
            }
            writes.defer("""
                    INSERT INTO ledger_projection (account_id, total, events) VALUES (?, ?, 1)
                    ON CONFLICT (account_id) DO UPDATE
                    SET total = ledger_projection.total + EXCLUDED.total, events = ledger_projection.events + 1""",
                    event.subject(), data.amount());
            if (POISON_AT_FLUSH.equals(data.note())) {
                writes.defer("INSERT INTO ledger_account (id, balance) VALUES (?, NULL)", "poison-" + event.id());
            }
            if (Boolean.TRUE.equals(data.poisonAtCommit())) {
                // Two rows under a deferred unique constraint: the statement passes, the COMMIT fails (23505).
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO ledger_commit_guard (marker) VALUES ('commit-poison'), ('commit-poison')")) {
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
