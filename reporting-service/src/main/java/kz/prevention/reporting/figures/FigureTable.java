package kz.prevention.reporting.figures;

import java.util.List;

/**
 * An indicator by territory and period as published: the scope territory's row (the sum of its
 * children) and one row per child territory that has anything, a cell per period and, for flows,
 * a total over the periods. A hidden cell has no value.
 */
public record FigureTable(String indicator, String unit, String territory, int level, String granularity,
        List<String> periods, Row scope, List<Row> rows, boolean suppressed, int threshold) {

    /** A territory's figures; {@code unallocated}: recorded at the parent's own level, not in any child. */
    public record Row(String territory, boolean unallocated, List<Cell> cells, Cell total) {
    }

    /** A figure; {@code value} is null when hidden (a count, or a rate computed from one). */
    public record Cell(String period, Number value, boolean hidden) {
        public static Cell of(String period, Number value) {
            return new Cell(period, value, false);
        }

        public static Cell hiddenCell(String period) {
            return new Cell(period, null, true);
        }
    }

    /** The scope's cell for a period key (or the total's, for the key "total"). */
    public Cell scopeCell(String period) {
        if ("total".equals(period)) {
            return scope.total();
        }
        return scope.cells().stream().filter(c -> c.period().equals(period)).findFirst().orElseThrow();
    }
}
