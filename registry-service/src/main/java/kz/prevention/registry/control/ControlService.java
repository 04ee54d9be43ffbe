package kz.prevention.registry.control;

import kz.prevention.persistence.history.Changes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.outbox.Outbox;
import kz.prevention.persistence.audit.AuditAction;
import kz.prevention.persistence.audit.AuditLog;
import kz.prevention.persistence.audit.AuditRecord;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.entry.EntryHistoryLog;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.events.RegistryEvents;
import kz.prevention.registry.monitoring.WorkItem;
import kz.prevention.registry.monitoring.WorkItems;

/** The control sheet: logging visits moves the next control date by the measure's rhythm. */
@ApplicationScoped
public class ControlService {

    @Inject
    EntryLoader loader;
    @Inject
    EntityManager em;
    @Inject
    ReferenceCatalogs catalogs;
    @Inject
    ControlRules rules;
    @Inject
    RegistryAccess access;
    @Inject
    EntryHistoryLog history;
    @Inject
    WorkItems workItems;
    @Inject
    Outbox outbox;
    @Inject
    AuditLog audit;

    /** A visit is an addition, not an overwrite, so If-Match is optional here; when sent it is checked. */
    @Transactional
    public RegistryEntry record(UUID entryId, String ifMatch, ControlVisitRequest r, LocalDate today) {
        RegistryEntry e = loader.forChange(entryId, ifMatch == null ? "*" : ifMatch, today);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        if (!e.isActive()) {
            throw new ProblemException(ProblemType.CONFLICT, "the entry was removed from the registry");
        }
        catalogs.require(ReferenceCatalogs.CONTROL_FORMS, r.form(), "form", today);
        if (r.visitDate().isAfter(today) || r.visitDate().isBefore(e.startDate)) {
            throw ProblemException.field(ProblemType.VALIDATION, "visitDate", "must be between the start date and today");
        }
        ControlVisit v = new ControlVisit();
        v.id = UUID.randomUUID();
        v.entryId = e.id;
        v.visitDate = r.visitDate();
        v.officer = r.officer().strip();
        v.form = r.form();
        v.result = r.result().strip();
        v.recordedAt = Instant.now();
        v.recordedBy = access.actor();
        v.persist();

        LocalDate due = e.nextControlDate;
        Changes c = new Changes();
        if (e.lastControlDate == null || r.visitDate().isAfter(e.lastControlDate)) {
            e.lastControlDate = c.set("lastControlDate", e.lastControlDate, r.visitDate());
            e.nextControlDate = c.set("nextControlDate", e.nextControlDate, rules.nextControl(e));
        }
        c.note("control", r.form() + " " + r.visitDate());
        e.updatedAt = Instant.now();
        if (e.nextControlDate == null || !e.nextControlDate.isBefore(today)) {
            workItems.resolve(e, List.of(WorkItem.Kind.CONTROL_OVERDUE), access.actor(), "control visit " + r.visitDate());
        }
        history.record(e, access.actor(), "CONTROL_RECORDED", c);
        outbox.record(RegistryEvents.ENTRY, e.id.toString(), RegistryEvents.ENTRY_CONTROL_RECORDED,
                new RegistryEvents.ControlRecorded(e.id, e.region, r.visitDate(), r.form(), due,
                        due == null || !r.visitDate().isAfter(due), e.nextControlDate));
        audit.append(AuditRecord.of(AuditAction.UPDATE, "entry", e.id, e.person.id).withDetails("control visit"));
        return e;
    }

    public List<ControlVisit> sheet(UUID entryId, LocalDate today) {
        RegistryEntry e = loader.forRead(entryId, today);
        audit.appendNow(AuditRecord.of(AuditAction.READ, "control-sheet", e.id, e.person.id));
        return ControlVisit.list("entryId = ?1 order by visitDate, recordedAt", e.id);
    }
}
