package kz.prevention.commission.agenda;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** Keeps the merge (once: a redelivery changes nothing) and gives the merged id's items to the survivor, in their history. */
    public void merged(UUID merged, UUID survivor) {
        UUID now = merges.record(merged, survivor);
        for (AgendaItem i : AgendaItem.<AgendaItem>list("personId = ?1 order by createdAt", merged)) {
            i.personId = now;
            i.updatedAt = Instant.now();
            merges.moved(i, merged, now);
        }
        SpecialSchoolStay.update("personId = ?1 where personId = ?2", now, merged);
    }
}
