package kz.prevention.registry.entry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commons.security.Caller;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * Who is responsible for an entry, and the announcement reporting builds officers' and units'
 * indicators from (issue 12 §6; Law No. 380-IV Art. 1.3-1): {@code entry.officer-assigned} carries
 * the officer's platform account (an opaque id) and the keeping unit — agency and territory — never
 * a name or rank, which stay in the registry.
 */
@ApplicationScoped
public class OfficerAssignments {

    /** Why the responsibility was (re)stated: the event's {@code occasion}. */
    public enum Occasion { REGISTERED, UPDATED, TRANSFERRED }

    @Inject
    Caller caller;
    @Inject
    ChangeRecorder changes;

    /**
     * Writes the officer onto the entry, each field into the diff (history shows before/after);
     * returns whether the officer's account changed.
     */
    public boolean assign(RegistryEntry e, Changes c, Officer o) {
        UUID before = e.officerUserId;
        e.officerName = c.set("responsibleOfficer.name", e.officerName, o.name().strip());
        e.officerRank = c.set("responsibleOfficer.rank", e.officerRank, o.rank());
        e.officerUserId = c.set("responsibleOfficer.userId", before, o.userId());
        return !Objects.equals(before, e.officerUserId);
    }

    /**
     * Announces who holds the entry from {@code on}: after a registration and a transfer's
     * acceptance always (the unit is new), after a correction when the account changed. The keeping
     * agency is the caller's: only a body keeping the registry may make these changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(RegistryEntry e, Occasion occasion, LocalDate on) {
        changes.record(e, "OFFICER_ASSIGNED", new Changes(), new RegistryEvents.OfficerAssigned(e.id, e.region,
                caller.agency().orElse(null), e.officerUserId, on, occasion.name()));
    }
}
