package kz.prevention.persistence.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.quarkus.arc.Arc;
import kz.prevention.commons.ids.UniqueIds;
import kz.prevention.commons.security.Caller;
import kz.prevention.eventing.outbox.LeadingWrites;

/**
 * Appends to the audit log. A change is audited inside its own transaction ({@link #append}, used
 * by the change recorder), so the change and its audit row commit together or not at all. A read
 * is audited before the data leaves ({@link #appendNow}, used by the read filter): the rows of
 * concurrent requests are written together by {@link AuditWriter}, and if they cannot be written
 * the caller gets an error, not the data. No lock is shared by requests: rows are chained later,
 * by the {@link AuditSealer}.
 */
@ApplicationScoped
public class AuditLog {

    private final TransactionManager transactions;
    private final AuditKeys keys;
    private final AuditWriter writer;

    @Inject
    public AuditLog(TransactionManager transactions, AuditKeys keys, AuditWriter writer) {
        this.transactions = transactions;
        this.keys = keys;
        this.writer = writer;
    }

    /** Within the caller's transaction. */
    public void append(AuditRecord record) {
        requireTransaction();
        writer.insertInTransaction(List.of(row(record, actor())));
    }

    /**
     * The row, to be written by the statement that writes the change's other rows (the change
     * recorder's), inside the change's transaction.
     */
    public LeadingWrites rowOf(AuditRecord record, Actor actor) {
        requireTransaction();
        return writer.leading(row(record, actor));
    }

    /** Committed before this returns; a failure throws (the caller must not release the data). */
    public void appendNow(AuditRecord record) {
        appendNow(List.of(record));
    }

    public void appendNow(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Actor actor = actor();
        writer.write(records.stream().map(r -> row(r, actor)).toList());
    }

    /** A keyed digest of free text such as search criteria: comparable, but not readable, in the log. */
    public String digest(String text) {
        return keys.mac("digest|" + text).substring(0, 32);
    }

    private AuditRow row(AuditRecord r, Actor a) {
        AuditRow unsigned = new AuditRow(0, UniqueIds.random(), Instant.now().truncatedTo(ChronoUnit.MICROS), a.name(),
                a.roles(), a.agency(), a.region(), a.client(), r.action().name(), r.resourceType(), r.resourceId(),
                r.personId(), a.purpose(), r.details(), keys.currentId(), null);
        return new AuditRow(0, unsigned.uid(), unsigned.at(), unsigned.actor(), unsigned.actorRoles(), unsigned.agency(),
                unsigned.region(), unsigned.client(), unsigned.action(), unsigned.resourceType(), unsigned.resourceId(),
                unsigned.personId(), unsigned.purpose(), unsigned.details(), keys.currentId(),
                keys.mac(unsigned.canonical()));
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

    /**
     * Who acts: the caller of the request, or the system (a scheduler, a consumer) outside one; a
     * change looks it up once and hands it to the rows it writes.
     */
    public static Actor actor() {
        if (Arc.container().requestContext().isActive()) {
            Caller caller = Arc.container().instance(Caller.class).get();
            if (caller.authenticated()) {
                return new Actor(caller.username(), String.join(",", new TreeSet<>(caller.roles())),
                        caller.agency().orElse(null), caller.region().orElse(null), caller.clientId(),
                        caller.purpose().orElse(null));
            }
        }
        return new Actor(Actor.SYSTEM, "", null, null, null, Thread.currentThread().getName());
    }

    /** Who acts, as the audit row names them. */
    public record Actor(String name, String roles, String agency, String region, String client, String purpose) {

        /** The name of the system acting outside a request (a scheduler, a consumer). */
        public static final String SYSTEM = "system";

        /** Whether the system acts rather than a signed-in caller (its rows are SYSTEM actions). */
        public boolean isSystem() {
            return SYSTEM.equals(name);
        }
    }
}
