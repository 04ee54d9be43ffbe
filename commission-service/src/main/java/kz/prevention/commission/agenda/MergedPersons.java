package kz.prevention.commission.agenda;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * The registry's person merges as they bear on the commissions (V9 {@code person_merge}): an agenda
 * item is about the survivor once the merge is known, whether the merge or the event proposing the
 * item came first. The item's person is what reads of it, its decision and instructions are audited
 * against, so a supervisor searching the audit log by the survivor finds them; a special-school stay
 * passes its person on to the return proposal.
 * <p>
 * With several replicas a merge and a proposal may be applied at once, on different consumers, in
 * transactions that do not see each other's rows: a merge holds {@code person_merge} in SHARE ROW
 * EXCLUSIVE mode and a look-up in SHARE mode, each to its commit, so the later one sees what the
 * earlier wrote. Merges are rare; look-ups do not wait for each other.
 */
@ApplicationScoped
public class MergedPersons {

    @Inject
    EntityManager em;
    @Inject
    ChangeRecorder changes;

    /** The person an item or stay written now is about: the survivor when {@code personId} was merged. */
    public UUID current(UUID personId) {
        if (personId == null) {
            return null;
        }
        lock("SHARE");
        return survivorOf(personId);
    }

    /**
     * Keeps the merge (once: a redelivery changes nothing) and gives the merged id's items, in their
     * history, and special-school stays to the survivor. The registry merges only into a person holding
     * an IIN, who is never merged in turn; should a chain still come, in either order every id ends at
     * the last survivor.
     */
    public void merged(UUID merged, UUID survivor) {
        lock("SHARE ROW EXCLUSIVE");
        UUID last = survivorOf(survivor);
        em.createNativeQuery("INSERT INTO person_merge (merged_person_id, survivor_person_id) VALUES (?1, ?2)"
                + " ON CONFLICT (merged_person_id) DO NOTHING").setParameter(1, merged).setParameter(2, last)
                .executeUpdate();
        UUID now = survivorOf(merged);
        em.createNativeQuery("UPDATE person_merge SET survivor_person_id = ?1 WHERE survivor_person_id = ?2")
                .setParameter(1, now).setParameter(2, merged).executeUpdate();
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

    private UUID survivorOf(UUID personId) {
        List<?> found = em.createNativeQuery("SELECT survivor_person_id FROM person_merge WHERE merged_person_id = ?1")
                .setParameter(1, personId).getResultList();
        return found.isEmpty() ? personId : (UUID) found.get(0);
    }

    private void lock(String mode) {
        em.createNativeQuery("LOCK TABLE person_merge IN " + mode + " MODE").executeUpdate();
    }
}
