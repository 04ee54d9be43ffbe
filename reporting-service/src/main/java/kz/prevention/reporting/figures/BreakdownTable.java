package kz.prevention.reporting.figures;

import java.util.List;

/**
 * An indicator over one period by territory and by a dimension (category group, measure type,
 * executing agency, ...): a row per child territory and the scope's row, a column per value of
 * the dimension and the row's total. Suppressed as one table: rows, columns and the territorial
 * hierarchy are all relations an attacker could use.
 */
public record BreakdownTable(String indicator, String unit, String territory, int level, String by, String from,
        String to, List<String> values, Row scope, List<Row> rows, boolean suppressed, int threshold) {

    public record Row(String territory, boolean unallocated, List<Cell> cells, Cell total) {
    }

    /** A count; {@code value} is null when hidden. */
    public record Cell(String value, Long count, boolean hidden) {
    }
}
