package kz.prevention.persistence.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;

/**
 * The audit ids the sealer's cursor passed without a row: each is a transaction that had taken its
 * id and not yet committed (or that rolled back), so its row may still appear behind the cursor. The
 * sealer looks them up again each round until the row is found or the id is older than the horizon
 * (longer than any transaction; a rolled-back id never fills). Bounded: a jump of more than
 * {@link #MAX_GAPS} ids at once (a sequence moved by hand, a first run over old rows) and gaps beyond
 * that many are left to the sealer's full sweep. Not thread-safe: the sealer's thread alone uses it.
 */
final class AuditGaps {

    static final int MAX_GAPS = 1_000;

    private final Duration horizon;
    private final TreeMap<Long, Instant> firstMissed = new TreeMap<>();

    AuditGaps(Duration horizon) {
        this.horizon = horizon;
    }

    boolean isEmpty() {
        return firstMissed.isEmpty();
    }

    /** The cursor moved from {@code cursor} over rows {@code ids} (ascending): the ids between them are gaps. */
    void passed(long cursor, long[] ids, Instant now) {
        long expected = cursor + 1;
        for (long id : ids) {
            if (id - expected <= MAX_GAPS) {
                for (long gap = expected; gap < id && firstMissed.size() < MAX_GAPS; gap++) {
                    firstMissed.putIfAbsent(gap, now);
                }
            }
            expected = Math.max(expected, id + 1);
        }
    }

    /** The row of this id was read: no longer a gap. */
    void found(long id) {
        firstMissed.remove(id);
    }

    /** The gaps to look up now, in order; those older than the horizon are given up first. */
    long[] ids(Instant now) {
        Instant oldest = now.minus(horizon);
        firstMissed.values().removeIf(t -> t.isBefore(oldest));
        return firstMissed.keySet().stream().mapToLong(Long::longValue).toArray();
    }
}
