package kz.prevention.eventing.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.outbox.Outbox;

/** Changes an account and records the event announcing it, in one transaction. */
@ApplicationScoped
public class LedgerService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Transactional
    public CloudEvent credit(String accountId, long amount) {
        return outbox.record(AccountCredited.of(accountId, amount, change(accountId, amount)));
    }

    @Transactional
    public CloudEvent creditPoisoned(String accountId, long amount) {
        return outbox.record(new AccountCredited(accountId, amount, change(accountId, amount), true, null, null));
    }

    @Transactional
    public CloudEvent creditPoisonedAtCommit(String accountId, long amount) {
        return outbox.record(new AccountCredited(accountId, amount, change(accountId, amount), null, true, null));
    }

    @Transactional
    public CloudEvent creditWithNote(String accountId, long amount, String note) {
        return outbox.record(new AccountCredited(accountId, amount, change(accountId, amount), null, null, note));
    }

    /** Used to show that an event no catalog entry binds rolls the whole change back. */
    @Transactional
    public CloudEvent creditAnnouncing(String accountId, long amount, DomainEvent event) {
        change(accountId, amount);
        return outbox.record(event);
    }

    private long change(String accountId, long amount) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ledger_account (id, balance) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET balance = ledger_account.balance + EXCLUDED.balance
                RETURNING balance""")) {
            ps.setString(1, accountId);
            ps.setLong(2, amount);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
