package kz.prevention.persistence.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.envelope.CloudEvent;
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
 * outbox; its type and topic come from the catalog entry the record is bound to).
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

    @Inject
    public ChangeRecorder(HistoryLog history, AuditLog audit, Outbox outbox) {
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
        String actor = AuditLog.actorName();
        if (!diff.isEmpty()) {
            history.record(resource.resourceType(), resource.resourceId(), actor, action, diff);
        }
        AuditAction kind = "system".equals(actor) ? AuditAction.SYSTEM
                : diff.isCreation() ? AuditAction.CREATE : AuditAction.UPDATE;
        String details = diff.isEmpty() ? action : action + ": " + String.join(",", diff.names());
        audit.append(new AuditRecord(kind, resource.resourceType(), resource.resourceId().toString(), resource.personId(),
                details));
        return event == null ? null : outbox.record(event);
    }

    /** An event about a resource that changed nothing the history shows (e.g. a deadline raised). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent announce(Tracked resource, String action, DomainEvent event) {
        return record(resource, action, new Changes(), event);
    }
}
