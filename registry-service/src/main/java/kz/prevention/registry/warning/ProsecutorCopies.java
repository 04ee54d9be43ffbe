package kz.prevention.registry.warning;

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
import kz.prevention.persistence.history.Changes;
import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.lifecycle.EntryChanges;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.monitoring.EntryDeadlines;

/**
 * The copy of an official warning sent to the prosecutor (Art. 51; Order 163: within 24 hours of the
 * warning), recorded once per entry by the body keeping it. The day it was sent — not the day it is
 * recorded — meets WARNING_COPY_TO_PROSECUTOR, so a copy sent in time and recorded later raises nothing.
 */
@ApplicationScoped
public class ProsecutorCopies {

    /** The registry category (registry-categories catalog) of entries resting on an official warning. */
    static final String OFFICIAL_WARNING = "OFFICIAL_WARNING";

    @Inject
    EntryLoader loader;
    @Inject
    RegistryAccess access;
    @Inject
    EntryDeadlines deadlines;
    @Inject
    ChangeRecorder changes;

    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryEntry record(UUID entryId, String ifMatch, ProsecutorCopyRequest r, LocalDate today) {
        RegistryEntry e = loader.forChange(entryId, ifMatch, today);
        EntryChanges.requireActive(e);
        if (!OFFICIAL_WARNING.equals(e.category)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "only an entry on an official warning has a copy for the"
                    + " prosecutor (this one is " + e.category + ")");
        }
        if (e.prosecutorCopySentOn != null) {
            throw new ProblemException(ProblemType.CONFLICT, "the copy was recorded already: sent on "
                    + e.prosecutorCopySentOn + " under " + e.prosecutorCopyNumber);
        }
        if (r.sentOn().isBefore(e.docDate) || r.sentOn().isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "sentOn", "must lie between the warning's date "
                    + e.docDate + " and today");
        }
        Changes c = new Changes();
        e.prosecutorCopySentOn = c.set("prosecutorCopy.sentOn", null, r.sentOn());
        e.prosecutorCopyNumber = c.set("prosecutorCopy.outgoingNumber", null, r.outgoingNumber().strip());
        e.prosecutorCopyRecordedBy = access.actor();
        e.updatedAt = Instant.now();
        deadlines.meet(e, List.of(Order163Deadlines.WARNING_COPY_TO_PROSECUTOR), EntryDeadlines.ENTRY, r.sentOn(),
                access.actor(), "copy sent to the prosecutor on " + r.sentOn());
        changes.record(e, "PROSECUTOR_COPY_SENT", c, new RegistryEvents.EntryUpdated(e.id, e.region, c.names()));
        return e;
    }
}
