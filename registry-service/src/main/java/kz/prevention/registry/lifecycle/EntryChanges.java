package kz.prevention.registry.lifecycle;

import kz.prevention.persistence.history.Changes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.monitoring.WorkItem;
import kz.prevention.registry.monitoring.WorkItems;
import kz.prevention.registry.entry.OfficerAssignments;
import kz.prevention.registry.entry.GroundingDocument;
import kz.prevention.registry.entry.EntryTransfer;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.entry.SignOff;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.registry.entry.ControlRules;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.entry.EntryRules;

/** Correcting, extending (Art. 59.9) and removing (Art. 59.8) an entry; each under If-Match. */
@ApplicationScoped
public class EntryChanges {

    @Inject
    EntryLoader loader;
    @Inject
    EntryRules rules;
    @Inject
    ReferenceCatalogs catalogs;
    @Inject
    ControlRules controls;
    @Inject
    RegistryAccess access;
    @Inject
    WorkItems workItems;
    @Inject
    ChangeRecorder changes;
    @Inject
    kz.prevention.registry.monitoring.EntryDeadlines entryDeadlines;
    @Inject
    OfficerAssignments officers;

    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryEntry update(UUID id, String ifMatch, UpdateEntryRequest r, LocalDate today) {
        RegistryEntry e = loader.forChange(id, ifMatch, today);
        requireActive(e);
        if (r.riskLevel() != null) {
            catalogs.require(ReferenceCatalogs.RISK_LEVELS, r.riskLevel(), "riskLevel", today);
        }
        if (r.groundingDocument() != null) {
            rules.checkDocument("groundingDocument", r.groundingDocument(), today);
        }
        Changes c = new Changes();
        if (r.registeringBody() != null) {
            e.registeringBody = c.set("registeringBody", e.registeringBody, r.registeringBody().strip());
        }
        boolean officerChanged = r.responsibleOfficer() != null && officers.assign(e, c, r.responsibleOfficer());
        if (r.riskLevel() != null) {
            e.riskLevel = c.set("riskLevel", e.riskLevel, r.riskLevel());
            e.nextControlDate = c.set("nextControlDate", e.nextControlDate, controls.nextControl(e));
            entryDeadlines.meet(e, java.util.List.of(Order163Deadlines.CONTROL_PLAN), null, today, access.actor(),
                    "risk level " + r.riskLevel());
        }
        if (r.groundingDocument() != null) {
            GroundingDocument d = r.groundingDocument();
            e.docType = c.set("groundingDocument.type", e.docType, d.type());
            e.docNumber = c.set("groundingDocument.number", e.docNumber, d.number());
            e.docDate = c.set("groundingDocument.date", e.docDate, d.date());
            e.docIssuer = c.set("groundingDocument.issuer", e.docIssuer, d.issuer());
        }
        if (c.isEmpty()) {
            return e;
        }
        e.updatedAt = Instant.now();
        changes.record(e, "UPDATED", c, new RegistryEvents.EntryUpdated(e.id, e.region, c.names()));
        if (officerChanged) {
            officers.announce(e, OfficerAssignments.Occasion.UPDATED, today);
        }
        return e;
    }

    /**
     * Whether the extension may be made: the checks run when it is requested (so a request that
     * could never be approved is refused at once) and again when it is approved.
     */
    public void checkExtension(RegistryEntry e, ExtendRequest r, LocalDate today) {
        requireActive(e);
        rules.checkDocument("document", r.document(), today);
        if (e.measureEndDate != null && !r.newEndDate().isAfter(e.measureEndDate)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "newEndDate",
                    "must be after the current end date " + e.measureEndDate);
        }
        CatalogEntry measure = catalogs.require(ReferenceCatalogs.INDIVIDUAL_MEASURES, e.measure, "measure", today);
        rules.endDate(measure, e.startDate, r.newEndDate(), "newEndDate");
    }

    /**
     * Extends the entry (locked by the caller) as an authorised head approved it; {@code signOff}
     * names the approval, who requested and who approved, and goes into the history row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryEntry extend(RegistryEntry e, ExtendRequest r, SignOff signOff, LocalDate today) {
        checkExtension(e, r, today);
        LocalDate previous = e.measureEndDate;
        Changes c = new Changes();
        e.measureEndDate = c.set("measureEndDate", previous, r.newEndDate());
        c.note("reason", r.reason());
        signOff.noteIn(c);
        e.termEndingRaisedFor = null;
        e.termExpiredRaisedFor = null;
        e.updatedAt = Instant.now();
        EntryExtension.record(e, previous, r, access.actor());
        workItems.resolve(e, List.of(WorkItem.Kind.TERM_ENDING, WorkItem.Kind.TERM_EXPIRED), access.actor(), "extended");
        changes.record(e, "EXTENDED", c,
                new RegistryEvents.EntryExtended(e.id, e.region, e.measure, previous, e.measureEndDate));
        return e;
    }

    /**
     * Whether the removal may be made: the checks run when it is requested and again when it is
     * approved.
     */
    public CatalogEntry checkRemoval(RegistryEntry e, RemovalRequest r, LocalDate today) {
        requireActive(e);
        if (EntryTransfer.pendingFor(e.id).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "a transfer of this entry is pending; it must be accepted"
                    + " or rejected before removal");
        }
        CatalogEntry reason = catalogs.require(ReferenceCatalogs.REMOVAL_REASONS, r.reason(), "reason", today);
        rules.checkDocument("document", r.document(), today);
        if (r.removalDate().isAfter(today) || r.removalDate().isBefore(e.startDate)) {
            throw ProblemException.field(ProblemType.VALIDATION, "removalDate", "must be between the start date and today");
        }
        if (reason.flag("minorsOnly") && e.person.isMinorOn(r.removalDate())) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "reason", "the person is not yet 18 on the removal date");
        }
        // The catalog says which reasons fit which entries (removal-reasons: minorsGroupOnly, notBeforeTermEnd).
        if (reason.flag("minorsGroupOnly") && !RegistryEntry.MINOR_GROUP.equals(e.categoryGroup)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "reason",
                    r.reason() + " applies only to entries of the minors' group");
        }
        if (reason.flag("notBeforeTermEnd")
                && (e.measureEndDate == null || r.removalDate().isBefore(e.measureEndDate))) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "reason", e.measureEndDate == null
                    ? r.reason() + " needs a measure with an end date"
                    : r.reason() + " is not a ground before the measure's end date " + e.measureEndDate);
        }
        return reason;
    }

    /**
     * Removes the entry (locked by the caller) as an authorised head approved it; {@code signOff}
     * names the approval, who requested and who approved, and goes into the history row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryEntry remove(RegistryEntry e, RemovalRequest r, SignOff signOff, LocalDate today) {
        CatalogEntry reason = checkRemoval(e, r, today);
        Changes c = new Changes();
        e.status = c.set("status", e.status, EntryStatus.REMOVED);
        e.removalReason = c.set("removalReason", null, r.reason());
        e.removalDate = c.set("removalDate", null, r.removalDate());
        signOff.noteIn(c);
        e.removalDocType = r.document().type();
        e.removalDocNumber = r.document().number();
        e.removalDocDate = r.document().date();
        e.removalDocIssuer = r.document().issuer();
        e.nextControlDate = null;
        e.updatedAt = Instant.now();
        workItems.resolve(e, List.of(WorkItem.Kind.values()), access.actor(), "removed from the registry");
        changes.record(e, "REMOVED", c, new RegistryEvents.EntryRemoved(e.id, e.region, r.reason(), reason.flag("early"),
                        r.removalDate()));
        return e;
    }

    public static void requireActive(RegistryEntry e) {
        if (!e.isActive()) {
            throw new ProblemException(ProblemType.CONFLICT, "the entry was removed from the registry on " + e.removalDate);
        }
    }
}
