package kz.prevention.reporting.suppression;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as an attacker sees it: cells (counts, ≥ 0) and the additive relations the published
 * figures obey — each {@link Relation} says a total cell equals the sum of its member cells (a
 * row total, a column total, a parent territory as the sum of its children). Any table the
 * platform publishes, with margins at any level, is described this way.
 */
public final class LinkedTable {

    /** {@code cells[total] = Σ cells[members]}. */
    public record Relation(int total, int[] members) {
    }

    private final long[] values;
    private final List<Relation> relations;
    private final List<List<Relation>> byCell;

    public LinkedTable(long[] values, List<Relation> relations) {
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("counts are never negative");
            }
        }
        for (Relation r : relations) {
            long sum = 0;
            for (int m : r.members()) {
                sum += values[m];
            }
            if (sum != values[r.total()]) {
                throw new IllegalArgumentException("cell " + r.total() + " is not the sum of its members");
            }
        }
        this.values = values.clone();
        this.relations = List.copyOf(relations);
        List<List<Relation>> by = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            by.add(new ArrayList<>());
        }
        for (Relation r : this.relations) {
            for (int c : cellsOf(r)) {
                by.get(c).add(r);
            }
        }
        this.byCell = by;
    }

    public int size() {
        return values.length;
    }

    public long value(int cell) {
        return values[cell];
    }

    public List<Relation> relations() {
        return relations;
    }

    /**
     * This table with more cells after its own (indices from {@link #size()} on) and more relations
     * over all of them: a table published in one answer joined with what another shows beside it.
     */
    public LinkedTable extend(long[] more, List<Relation> moreRelations) {
        long[] all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        List<Relation> rs = new ArrayList<>(relations);
        rs.addAll(moreRelations);
        return new LinkedTable(all, rs);
    }

    /** The cells of a relation: its total first, then its members. */
    static int[] cellsOf(Relation r) {
        int[] all = new int[r.members().length + 1];
        all[0] = r.total();
        System.arraycopy(r.members(), 0, all, 1, r.members().length);
        return all;
    }

    /** Relations each cell takes part in (computed once: the audit asks for every linear programme). */
    List<List<Relation>> relationsByCell() {
        return byCell;
    }
}
