package kz.prevention.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.prevention.commons.security.Caller;

/**
 * Appends to the tamper-evident audit log.
 *
 * <p>A change is audited inside its own transaction ({@link #append}), so the change and its
 * audit row commit together or not at all. A read is audited before the data leaves
 * ({@link #appendNow}, its own short transaction): if the audit cannot be written, the caller
 * gets an error, not the data.
 */
@ApplicationScoped
public class AuditLog {

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;

    @Inject
    public AuditLog(AgroalDataSource dataSource, TransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Within the caller's transaction. */
    public void append(AuditRecord record) {
        requireTransaction();
        write(record, actor());
    }

    /** In a transaction of its own, committed before this returns. */
    public void appendNow(AuditRecord record) {
        Actor actor = actor();
        QuarkusTransaction.requiringNew().run(() -> write(record, actor));
    }

    private void write(AuditRecord record, Actor actor) {
        try (Connection c = dataSource.getConnection()) {
            long lastSeq;
            String lastHash;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastSeq = rs.getLong(1);
                lastHash = rs.getString(2);
            }
            long seq = lastSeq + 1;
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String hash = AuditEntry.hash(seq, at, actor.name(), actor.roles(), actor.agency(), actor.region(),
                    actor.client(), record.action().name(), record.resourceType(), record.resourceId(), record.personId(),
                    actor.purpose(), record.details(), lastHash);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO audit_log (seq, at, actor, actor_roles, agency, region, client, action, resource_type,
                                           resource_id, person_id, purpose, details, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, seq);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, actor.name());
                ps.setString(4, actor.roles());
                ps.setString(5, actor.agency());
                ps.setString(6, actor.region());
                ps.setString(7, actor.client());
                ps.setString(8, record.action().name());
                ps.setString(9, record.resourceType());
                ps.setString(10, record.resourceId());
                ps.setObject(11, record.personId());
                ps.setString(12, actor.purpose());
                ps.setString(13, record.details());
                ps.setString(14, lastHash);
                ps.setString(15, hash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit log; the operation is refused", e);
        }
    }

    private void requireTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("AuditLog.append must run inside the audited change's transaction");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Actor actor() {
        if (Arc.container().requestContext().isActive()) {
            Caller caller = Arc.container().instance(Caller.class).get();
            if (caller.authenticated()) {
                return new Actor(caller.username(), String.join(",", new TreeSet<>(caller.roles())),
                        caller.agency().orElse(null), caller.region().orElse(null), caller.clientId(),
                        caller.purpose().orElse(null));
            }
        }
        return new Actor("system", "", null, null, null, Thread.currentThread().getName());
    }

    private record Actor(String name, String roles, String agency, String region, String client, String purpose) {
    }
}
