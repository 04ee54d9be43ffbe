package kz.prevention.commission.agenda;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.persistence.merge.PersonMergeMap;

/**
 * The registry's person merges as they bear on the commissions (V9 {@code person_merge}): an agenda
 * item is about the survivor once the merge is known, whether the merge or the event proposing the
 * item came first. The item's person is what reads of it, its decision and instructions are audited
 * against, so a supervisor searching the audit log by the survivor finds them; a special-school stay
 * passes its person on to the return proposal.
 * The mapping and its locking are the core's ({@link PersonMergeMap}); this class re-keys the service's own rows.
 */
@ApplicationScoped
public class MergedPersons {

    @Inject
    PersonMergeMap merges;
    @Inject
    ChangeRecorder changes;

    /** The person an item or stay written now is about: the survivor when {@code personId} was merged. */
    public UUID current(UUID personId) {
        return merges.current(personId);
    }

    /**
     * Keeps the merge (once: a redelivery changes nothing) and gives the merged id's items, in their
     * history, and special-school stays to the survivor.
     */
    public void merged(UUID merged, UUID survivor) {
        UUID now = merges.record(merged, survivor);
        List<AgendaItem> items = AgendaItem.list("personId = ?1 order by createdAt", merged);
        for (AgendaItem i : items) {
            Changes c = new Changes();
            i.personId = c.set("personId", merged, now);
            i.updatedAt = Instant.now();
            // No event: the commission's events carry no person id.
            changes.record(i, "PERSON_MERGED", c, null);
        }
        SpecialSchoolStay.update("personId = ?1 where personId = ?2", now, merged);
    }
}
