package kz.prevention.measures.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * The registry's person merges as they bear on plans (V4 {@code person_merge}): a plan's person is
 * the survivor's once the merge is known, whether the merge or the entry's registration came first.
 * <p>
 * With several replicas the two may be applied at once, on different consumers of the persons' and
 * the entries' partitions, in transactions that do not see each other's rows: a merge holds
 * {@code person_merge} in SHARE ROW EXCLUSIVE mode and a registration's look-up in SHARE mode, each to
 * its commit, so the later one sees what the earlier wrote. Merges are rare; registrations do not wait
 * for each other.
 */
@ApplicationScoped
public class MergedPersons {

    @Inject
    EntityManager em;
    @Inject
    ChangeRecorder changes;

    /** The person a new plan is for: the survivor when {@code personId} was merged. */
    public UUID current(UUID personId) {
        lock("SHARE");
        return survivorOf(personId);
    }

    /**
     * Keeps the merge (once: a redelivery changes nothing) and moves the merged id's plans to the survivor,
     * in their history. The registry merges only into a person holding an IIN, who is never merged in
     * turn; should a chain still come, in either order every id ends at the last survivor.
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
        List<PreventionPlan> plans = PreventionPlan.list("personId = ?1 order by createdAt", merged);
        for (PreventionPlan p : plans) {
            Changes c = new Changes();
            p.personId = c.set("personId", merged, now);
            p.updatedAt = Instant.now();
            // No event: the plans' topic carries no person id (plan.opened.v2).
            changes.record(p, "PERSON_MERGED", c, null);
        }
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
