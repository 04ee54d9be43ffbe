package kz.prevention.reporting.suppression;

import java.util.List;

/**
 * Hides the cells of a published table that could single persons out.
 * <ol>
 * <li><b>Primary</b>: a count above 0 and below the threshold (0 may be shown: it reveals nobody).</li>
 * <li><b>Secondary</b>, until stable: a relation (row, column, parent and children) with exactly one
 * hidden cell gives it away by subtraction, and one whose hidden members add up to less than the
 * threshold (its total shown) bounds them all below it; each such relation gets its smallest other
 * non-zero member hidden (its total, when no member is left).</li>
 * <li><b>Audit</b>: every primary cell's bounds given the published figures
 * ({@link SuppressionAudit}) must reach from 0 to the threshold, and no complement may be exact;
 * where they do not, the relations
 * around it lose another cell and the steps repeat.</li>
 * </ol>
 * Linked tables ({@link FamilyTable}) add {@link Given unpublished} cells (differences nobody
 * publishes but anyone can compute, protected when small) and cells {@link Given fixed} by another
 * answer that showed or hid them.
 */
public final class SmallCellSuppression {

    public static final int DEFAULT_THRESHOLD = 5;

    private final int threshold;
    private final long maxWork;
    private long work;

    public SmallCellSuppression(int threshold) {
        this(threshold, Long.MAX_VALUE);
    }

    /**
     * @param maxWork the most audit work to spend, as Σ (cells in the audited component)² over the
     *                linear programmes solved — a count, so the same table is always refused or
     *                always answered, whatever the machine's load; beyond it {@link TooCostly}
     */
    public SmallCellSuppression(int threshold, long maxWork) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold is at least 1");
        }
        this.threshold = threshold;
        this.maxWork = maxWork;
    }

    /** The audit would cost more than allowed: too many small counts linked together. */
    public static final class TooCostly extends RuntimeException {
        TooCostly(long work) {
            super("the audit would take more than " + work + " units of work");
        }
    }

    public int threshold() {
        return threshold;
    }

    /** Which cells are hidden, and which of them for their own sake. */
    public record Result(boolean[] hidden, boolean[] primary) {
        public boolean hidden(int cell) {
            return hidden[cell];
        }

        public int hiddenCount() {
            int n = 0;
            for (boolean h : hidden) {
                n += h ? 1 : 0;
            }
            return n;
        }
    }

    public Result apply(LinkedTable table) {
        return apply(table, Given.none(table.size()));
    }

    /**
     * What is known of the cells besides their values. {@code unpublished}: a cell never shown (a
     * difference such as adults = all − minors) that takes part in relations — always hidden, and
     * protected like a primary cell when its count is small; when large it may be derivable.
     * {@code fixed}: a cell whose state was decided in another answer (shown there, or hidden
     * there) and must stay as {@code hidden} says: this run hides only the other cells.
     */
    public record Given(boolean[] unpublished, boolean[] fixed, boolean[] hidden) {
        public static Given none(int cells) {
            return new Given(new boolean[cells], new boolean[cells], new boolean[cells]);
        }

        public static Given unpublished(boolean[] unpublished) {
            int n = unpublished.length;
            return new Given(unpublished.clone(), new boolean[n], new boolean[n]);
        }

        boolean any(boolean[] flags) {
            for (boolean f : flags) {
                if (f) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The audit work spent so far by this instance (see {@link #SmallCellSuppression(int, long)}). */
    public long work() {
        return work;
    }

    public Result apply(LinkedTable table, Given given) {
        int n = table.size();
        boolean[] hidden = new boolean[n];
        boolean[] primary = new boolean[n];
        boolean[] free = new boolean[n];
        for (int i = 0; i < n; i++) {
            long v = table.value(i);
            boolean small = v > 0 && v < threshold;
            if (given.unpublished()[i]) {
                hidden[i] = true;
                primary[i] = small;
            } else if (given.fixed()[i]) {
                hidden[i] = given.hidden()[i];
                // A small count shown elsewhere is public already; one hidden there still needs its protection here.
                primary[i] = small && hidden[i];
            } else {
                free[i] = true;
                primary[i] = small;
                hidden[i] = small || given.hidden()[i];
            }
        }
        boolean[] guarded = new boolean[n];
        for (int i = 0; i < n; i++) {
            guarded[i] = !given.unpublished()[i] || primary[i];
        }
        List<List<LinkedTable.Relation>> byCell = table.relationsByCell();
        boolean[] verified = new boolean[n];
        while (true) {
            secondary(table, hidden, free, guarded);
            int unprotected = firstUnprotected(table, hidden, primary, guarded, true, verified);
            if (unprotected < 0) {
                return new Result(hidden, primary);
            }
            if (!widen(table, hidden, free, guarded, byCell, unprotected)) {
                if (!given.any(given.fixed())) {
                    throw new IllegalStateException("cell " + unprotected + " cannot be protected");
                }
                return hideEveryFreeCell(table, hidden, primary, guarded, free);
            }
        }
    }

    /**
     * The last resort when the cells decided elsewhere leave nothing near an unprotected cell to
     * hide: every free cell is hidden. For the tables this service joins — a breakdown's cells under
     * the family's figures, the months under the year — the new relations then say nothing about
     * the fixed cells that their own relations did not (a hidden split of a total always exists),
     * so the primary cells keep the protection they had; complements may be exact then (they
     * equal published figures). The primary cells are audited again all the same.
     */
    private Result hideEveryFreeCell(LinkedTable table, boolean[] hidden, boolean[] primary, boolean[] guarded,
            boolean[] free) {
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] |= free[i];
        }
        int unprotected = firstUnprotected(table, hidden, primary, guarded, false, new boolean[hidden.length]);
        if (unprotected >= 0) {
            throw new IllegalStateException("cell " + unprotected + " cannot be protected");
        }
        return new Result(hidden, primary);
    }

    private void secondary(LinkedTable table, boolean[] hidden, boolean[] free, boolean[] guarded) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinkedTable.Relation r : table.relations()) {
                if (exposes(table, r, hidden, guarded)) {
                    int pick = smallestVisible(table, r, hidden, free);
                    if (pick >= 0) {
                        hidden[pick] = true;
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * One hidden cell alone in the relation, or hidden members adding up below the threshold under a
     * shown total. An unpublished cell that is 0 or large may be derived: a relation whose hidden
     * cells are all such exposes nothing.
     */
    private boolean exposes(LinkedTable table, LinkedTable.Relation r, boolean[] hidden, boolean[] guarded) {
        int count = 0;
        boolean anyGuarded = false;
        long hiddenMass = 0;
        for (int c : LinkedTable.cellsOf(r)) {
            if (hidden[c]) {
                count++;
                anyGuarded |= guarded[c];
                if (c != r.total()) {
                    hiddenMass += table.value(c);
                }
            }
        }
        if (!anyGuarded) {
            return false;
        }
        return count == 1 || (!hidden[r.total()] && hiddenMass < threshold);
    }

    /**
     * The smallest non-zero visible free member; else the total if visible and free; else a visible
     * free zero member; -1 if none.
     */
    private static int smallestVisible(LinkedTable table, LinkedTable.Relation r, boolean[] hidden, boolean[] free) {
        int best = -1;
        for (int m : r.members()) {
            if (!hidden[m] && free[m] && table.value(m) > 0 && (best < 0 || table.value(m) < table.value(best))) {
                best = m;
            }
        }
        if (best >= 0) {
            return best;
        }
        if (!hidden[r.total()] && free[r.total()]) {
            return r.total();
        }
        for (int m : r.members()) {
            if (!hidden[m] && free[m]) {
                return m;
            }
        }
        return -1;
    }

    /**
     * The first hidden cell the published ones do not protect, or -1. Hiding more cells only drops
     * constraints, so a cell's bounds only widen as the steps go on: a cell found protected once
     * ({@code verified}) stays so and is not solved for again — the same cells are found as by
     * auditing every cell each round, at two linear programmes per cell instead of per cell and round.
     */
    private int firstUnprotected(LinkedTable table, boolean[] hidden, boolean[] primary, boolean[] guarded,
            boolean complements, boolean[] verified) {
        for (int i = 0; i < table.size(); i++) {
            if (!hidden[i] || !guarded[i] || !(primary[i] || complements) || verified[i]) {
                continue;
            }
            long size = SuppressionAudit.component(table, hidden, i).size();
            work += size * size;
            if (work > maxWork) {
                throw new TooCostly(maxWork);
            }
            Interval bounds = SuppressionAudit.bounds(table, hidden, i);
            // A complement need not reach the threshold, but must not be recoverable either.
            if (primary[i] ? !bounds.protects(threshold) : bounds.exact()) {
                return i;
            }
            verified[i] = true;
        }
        return -1;
    }

    /**
     * Hides one more cell near an unprotected one: the smallest visible free cell of the relations
     * of its hidden component (non-zero first, then totals, then zeros). The component is walked
     * through the cells that need protection only: an unpublished cell with a large count links
     * whole families, and the cell to hide belongs near the exposed one.
     */
    private static boolean widen(LinkedTable table, boolean[] hidden, boolean[] free, boolean[] guarded,
            List<List<LinkedTable.Relation>> byCell, int cell) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        boolean[] walk = new boolean[hidden.length];
        for (int i = 0; i < walk.length; i++) {
            walk[i] = hidden[i] && (guarded[i] || i == cell);
        }
        for (int c : SuppressionAudit.component(table, walk, cell)) {
            for (LinkedTable.Relation r : byCell.get(c)) {
                for (int o : LinkedTable.cellsOf(r)) {
                    if (hidden[o] || !free[o]) {
                        continue;
                    }
                    int rank = table.value(o) > 0 ? (o == r.total() ? 1 : 0) : 2;
                    if (best < 0 || rank < bestRank || (rank == bestRank && table.value(o) < table.value(best))) {
                        best = o;
                        bestRank = rank;
                    }
                }
            }
        }
        if (best < 0) {
            return false;
        }
        hidden[best] = true;
        return true;
    }
}
