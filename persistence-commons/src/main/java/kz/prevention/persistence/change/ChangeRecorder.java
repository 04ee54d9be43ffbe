package kz.prevention.persistence.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.outbox.LeadingWrites;
import kz.prevention.eventing.outbox.Outbox;
import kz.prevention.persistence.audit.AuditAction;
import kz.prevention.persistence.audit.AuditLog;
import kz.prevention.persistence.audit.AuditRecord;
import kz.prevention.persistence.history.Changes;
import kz.prevention.persistence.history.HistoryLog;

/**
 * Records a change, in the change's own transaction, with one call: the resource's history row
 * (who, when, each field before and after), the audit row (who touched whose personal data, and
 * how — the field names, never their values) and the domain event announcing it (through the
 * outbox; its type and topic come from the catalog entry the record is bound to) — all three by
 * one statement.
 *
 * <pre>{@code
 * changes.record(entry, "REMOVED", diff, new EntryRemoved(...));
 * }</pre>
 *
 * The actor is the caller of the request, or {@code system} for a scheduler or a consumer (audited
 * as SYSTEM). A diff made with {@link Changes#creation()} is audited as CREATE.
 */
@ApplicationScoped
public class ChangeRecorder {

    private final HistoryLog history;
    private final AuditLog audit;
    private final Outbox outbox;
    private final AgroalDataSource dataSource;

    @Inject
    public ChangeRecorder(HistoryLog history, AuditLog audit, Outbox outbox, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.history = history;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * @param action what happened, in the resource's words ({@code REGISTERED}, {@code REMOVED}); shown in its history
     * @param diff   the fields changed; may be empty (then no history row, e.g. an event raised about it)
     * @param event  the event announcing the change, or null when it announces none
     * @return the recorded event, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(Tracked resource, String action, Changes diff, DomainEvent event) {
        AuditLog.Actor who = AuditLog.actor();
        List<LeadingWrites> rows = new ArrayList<>(2);
        if (!diff.isEmpty()) {
            rows.add(history.row(resource.resourceType(), resource.resourceId(), who.name(), action, diff));
        }
        AuditAction kind = who.isSystem() ? AuditAction.SYSTEM
                : diff.isCreation() ? AuditAction.CREATE : AuditAction.UPDATE;
        String details = diff.isEmpty() ? action : action + ": " + String.join(",", diff.names());
        rows.add(audit.rowOf(new AuditRecord(kind, resource.resourceType(), resource.resourceId().toString(),
                resource.personId(), details), who));
        // One statement for the change's rows: a round trip per row was most of a change's cost here.
        LeadingWrites leading = LeadingWrites.of(rows);
        if (event != null) {
            return outbox.record(event, leading);
        }
        write(leading, resource);
        return null;
    }

    private void write(LeadingWrites rows, Tracked resource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(rows.alone())) {
            rows.bind(ps, 1);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the change of " + resource.resourceType() + " "
                    + resource.resourceId(), e);
        }
    }

    /** An event about a resource that changed nothing the history shows (e.g. a deadline raised). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent announce(Tracked resource, String action, DomainEvent event) {
        return record(resource, action, new Changes(), event);
    }

    /**
     * An audited administrative action on something that is not a tracked resource and that announces
     * no event (e.g. an administrator rebuilding a service's read models): its UPDATE audit row
     * (SYSTEM for the system, as {@link #record}), no history and no event. It exists so that services
     * write audit rows only through this recorder, never to the audit log directly. Outside a
     * transaction the row is committed before this returns, so the action is on record before it
     * starts; inside one it commits with it.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordAction(String resourceType, String resourceId, String details) {
        AuditAction kind = AuditLog.actor().isSystem() ? AuditAction.SYSTEM : AuditAction.UPDATE;
        audit.append(new AuditRecord(kind, resourceType, resourceId, null, details));
    }

    /**
     * An event derived from events this service consumed, about no resource of its own (e.g. the
     * analysts' pseudonymised copy of a registry event), published through the outbox in the
     * consumer's transaction. No history row: nothing here changed. No audit row: the consumed event
     * was audited by its producer, and the topic keeps what was published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(DomainEvent event) {
        return outbox.record(event);
    }
}
