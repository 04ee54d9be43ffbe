package kz.prevention.measures.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.persistence.merge.PersonMergeMap;

/**
 * The registry's person merges as they bear on plans (V4 {@code person_merge}): a plan's person is
 * the survivor's once the merge is known, whether the merge or the entry's registration came first.
 * The mapping and its locking are the core's ({@link PersonMergeMap}); this class re-keys the service's own rows.
 */
@ApplicationScoped
public class MergedPersons {

    @Inject
    PersonMergeMap merges;
    @Inject
    ChangeRecorder changes;

    /** The person a new plan is for: the survivor when {@code personId} was merged. */
    public UUID current(UUID personId) {
        return merges.current(personId);
    }

    /** Keeps the merge (once: a redelivery changes nothing) and moves the merged id's plans to the survivor, in their history. */
    public void merged(UUID merged, UUID survivor) {
        UUID now = merges.record(merged, survivor);
        List<PreventionPlan> plans = PreventionPlan.list("personId = ?1 order by createdAt", merged);
        for (PreventionPlan p : plans) {
            Changes c = new Changes();
            p.personId = c.set("personId", merged, now);
            p.updatedAt = Instant.now();
            // No event: the plans' topic carries no person id (plan.opened.v2).
            changes.record(p, "PERSON_MERGED", c, null);
        }
    }
}
