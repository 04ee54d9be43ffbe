package kz.prevention.eventing.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
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
        return credit(accountId, amount, AccountCredited.TYPE, false);
    }

    @Transactional
    public CloudEvent creditPoisoned(String accountId, long amount) {
        return credit(accountId, amount, AccountCredited.TYPE, true);
    }

    /** Used to show that an event the catalog does not allow rolls the whole change back. */
    @Transactional
    public CloudEvent creditWithType(String accountId, long amount, String type) {
        return credit(accountId, amount, type, false);
    }

    private CloudEvent credit(String accountId, long amount, String type, boolean poison) {
        long balance;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ledger_account (id, balance) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET balance = ledger_account.balance + EXCLUDED.balance
                RETURNING balance""")) {
            ps.setString(1, accountId);
            ps.setLong(2, amount);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                balance = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return outbox.record("account", accountId, type, new AccountCredited(accountId, amount, balance, poison ? true : null));
    }
}
