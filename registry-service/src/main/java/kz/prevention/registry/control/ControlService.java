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
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.read.AuditedList;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.monitoring.WorkItem;
import kz.prevention.registry.monitoring.WorkItems;
import kz.prevention.registry.entry.ControlRules;

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
    WorkItems workItems;
    @Inject
    ChangeRecorder changes;

    /** A visit is an addition, not an overwrite, so If-Match is optional here; when sent it is checked. */
    @Transactional(Transactional.TxType.MANDATORY)
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
        if (kz.prevention.reference.calendar.Order163Deadlines.REFERENCE_DATABASE_CHECK.equals(r.form())) {
            workItems.resolve(e, List.of(WorkItem.Kind.REFERENCE_DATABASE_CHECK), access.actor(),
                    "checked against reference databases " + r.visitDate());
        }
        changes.record(e, "CONTROL_RECORDED", c, new RegistryEvents.ControlRecorded(e.id, e.region, r.visitDate(), r.form(), due,
                        due == null || !r.visitDate().isAfter(due), e.nextControlDate));
        return e;
    }

    public List<ControlVisit> sheet(UUID entryId, LocalDate today) {
        RegistryEntry e = loader.forRead(entryId, today);
        return new AuditedList<>("control-sheet", e.id, e.person.id,
                ControlVisit.<ControlVisit>list("entryId = ?1 order by visitDate, recordedAt", e.id));
    }
}
