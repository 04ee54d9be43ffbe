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
 */
public final class SmallCellSuppression {

    public static final int DEFAULT_THRESHOLD = 5;

    private final int threshold;

    public SmallCellSuppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold is at least 1");
        }
        this.threshold = threshold;
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
        int n = table.size();
        boolean[] hidden = new boolean[n];
        boolean[] primary = new boolean[n];
        for (int i = 0; i < n; i++) {
            long v = table.value(i);
            primary[i] = v > 0 && v < threshold;
            hidden[i] = primary[i];
        }
        List<List<LinkedTable.Relation>> byCell = table.relationsByCell();
        while (true) {
            secondary(table, hidden);
            int unprotected = firstUnprotected(table, hidden, primary);
            if (unprotected < 0) {
                return new Result(hidden, primary);
            }
            if (!widen(table, hidden, byCell, unprotected)) {
                throw new IllegalStateException("cell " + unprotected + " cannot be protected");
            }
        }
    }

    private void secondary(LinkedTable table, boolean[] hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinkedTable.Relation r : table.relations()) {
                if (exposes(table, r, hidden)) {
                    int pick = smallestVisible(table, r, hidden);
                    if (pick >= 0) {
                        hidden[pick] = true;
                        changed = true;
                    }
                }
            }
        }
    }

    /** One hidden cell alone in the relation, or hidden members adding up below the threshold under a shown total. */
    private boolean exposes(LinkedTable table, LinkedTable.Relation r, boolean[] hidden) {
        int count = 0;
        long hiddenMass = 0;
        for (int c : LinkedTable.cellsOf(r)) {
            if (hidden[c]) {
                count++;
                if (c != r.total()) {
                    hiddenMass += table.value(c);
                }
            }
        }
        if (count == 0) {
            return false;
        }
        return count == 1 || (!hidden[r.total()] && hiddenMass < threshold);
    }

    /** The smallest non-zero visible member; else the total if visible; else a visible zero member; -1 if none. */
    private static int smallestVisible(LinkedTable table, LinkedTable.Relation r, boolean[] hidden) {
        int best = -1;
        for (int m : r.members()) {
            if (!hidden[m] && table.value(m) > 0 && (best < 0 || table.value(m) < table.value(best))) {
                best = m;
            }
        }
        if (best >= 0) {
            return best;
        }
        if (!hidden[r.total()]) {
            return r.total();
        }
        for (int m : r.members()) {
            if (!hidden[m]) {
                return m;
            }
        }
        return -1;
    }

    private int firstUnprotected(LinkedTable table, boolean[] hidden, boolean[] primary) {
        for (int i = 0; i < table.size(); i++) {
            if (!hidden[i]) {
                continue;
            }
            Interval bounds = SuppressionAudit.bounds(table, hidden, i);
            // A complement need not reach the threshold, but must not be recoverable either.
            if (primary[i] ? !bounds.protects(threshold) : bounds.exact()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Hides one more cell near an unprotected one: the smallest visible cell of the relations of
     * its hidden component (non-zero first, then totals, then zeros).
     */
    private static boolean widen(LinkedTable table, boolean[] hidden, List<List<LinkedTable.Relation>> byCell, int cell) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int c : SuppressionAudit.component(table, hidden, cell)) {
            for (LinkedTable.Relation r : byCell.get(c)) {
                for (int o : LinkedTable.cellsOf(r)) {
                    if (hidden[o]) {
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
