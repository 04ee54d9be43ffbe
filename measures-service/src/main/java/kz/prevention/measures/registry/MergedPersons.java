package kz.prevention.measures.registry;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.measures.plan.PreventionPlan;
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

    /** Keeps the merge (once: a redelivery changes nothing) and gives the merged id's plans to the survivor, in their history. */
    public void merged(UUID merged, UUID survivor) {
        UUID now = merges.record(merged, survivor);
        for (PreventionPlan p : PreventionPlan.<PreventionPlan>list("personId = ?1 order by createdAt", merged)) {
            p.personId = now;
            p.updatedAt = Instant.now();
            merges.moved(p, merged, now);
        }
    }
}
