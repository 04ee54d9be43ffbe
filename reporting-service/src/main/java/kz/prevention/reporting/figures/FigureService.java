package kz.prevention.reporting.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.reporting.indicators.Indicator;
import kz.prevention.reporting.indicators.IndicatorCatalog;
import kz.prevention.reporting.suppression.GridTable;
import kz.prevention.reporting.suppression.LinkedTable;
import kz.prevention.reporting.suppression.SmallCellSuppression;
import kz.prevention.reporting.territory.Territory;

/**
 * Builds the published tables: counts from {@link FigureQueries}, the scope's row as the sum of its
 * children (so the hierarchy adds up), and — when asked — small-cell suppression over the whole
 * table: rows, the scope's row and the total column are the relations an attacker could use.
 * Rates are computed from the suppressed counts and hidden with them.
 */
@ApplicationScoped
public class FigureService {

    /** Beyond this the answer is unreadable. */
    static final int MAX_CELLS = 5000;
    /**
     * Beyond this a suppressed table's audit (two linear programmes per hidden cell) takes seconds:
     * about 800 cells take 1.5 s, 2,600 take 20 s on this machine. Callers below supervisor narrow
     * the query instead (a region's districts, or fewer periods).
     */
    static final int MAX_SUPPRESSED_CELLS = 800;

    @Inject
    FigureQueries queries;
    @Inject
    IndicatorCatalog catalog;
    @ConfigProperty(name = "reporting.suppression.threshold", defaultValue = "5")
    int threshold;

    public int threshold() {
        return threshold;
    }

    public FigureTable table(Indicator indicator, String scope, int level, Granularity granularity, LocalDate from,
            LocalDate to, boolean suppress) {
        List<Granularity.Period> periods = granularity.periods(from, to);
        if (indicator.rate()) {
            return rate(indicator, scope, level, granularity, periods, suppress);
        }
        Counts counts = counts(indicator, scope, level, periods, suppress);
        boolean withTotal = !indicator.stock();
        boolean[] hidden = suppress ? suppression(counts, periods.size(), withTotal) : new boolean[counts.cells()];
        return toTable(indicator, scope, level, granularity, periods, counts, hidden, withTotal, suppress);
    }

    /** Counts of the table: row 0 the scope, then the children in code order; [row][period]. */
    private record Counts(List<String> territories, long[][] values) {
        int cells() {
            return values.length * (values.length == 0 ? 0 : values[0].length + 1);
        }
    }

    private static void tooLarge(long cells, boolean suppress) {
        int max = suppress ? MAX_SUPPRESSED_CELLS : MAX_CELLS;
        if (cells > max) {
            throw new ProblemException(ProblemType.VALIDATION, "the table would have more than " + max
                    + " cells: choose a longer period, a higher level or a smaller region");
        }
    }

    private Counts counts(Indicator indicator, String scope, int level, List<Granularity.Period> periods,
            boolean suppress) {
        Map<String, Map<String, Long>> byTerritory = new TreeMap<>(
                queries.count(indicator.code(), level, KatoScope.prefix(scope), periods));
        tooLarge((long) (byTerritory.size() + 1) * (periods.size() + 1), suppress);
        List<String> territories = new ArrayList<>();
        territories.add(scope);
        territories.addAll(byTerritory.keySet());
        long[][] values = new long[territories.size()][periods.size()];
        for (int r = 1; r < territories.size(); r++) {
            Map<String, Long> row = byTerritory.get(territories.get(r));
            for (int p = 0; p < periods.size(); p++) {
                values[r][p] = row.getOrDefault(periods.get(p).key(), 0L);
                values[0][p] += values[r][p];
            }
        }
        return new Counts(territories, values);
    }

    private boolean[] suppression(Counts counts, int periods, boolean withTotal) {
        int cols = periods + (withTotal ? 1 : 0);
        long[][] grid = new long[counts.values().length][cols];
        int[] parentOf = new int[grid.length];
        for (int r = 0; r < grid.length; r++) {
            parentOf[r] = r == 0 ? -1 : 0;
            for (int p = 0; p < periods; p++) {
                grid[r][p] = counts.values()[r][p];
                if (withTotal) {
                    grid[r][periods] += counts.values()[r][p];
                }
            }
        }
        LinkedTable table = GridTable.of(grid, parentOf, withTotal ? periods : -1);
        return new SmallCellSuppression(threshold).apply(table).hidden();
    }

    private FigureTable toTable(Indicator indicator, String scope, int level, Granularity granularity,
            List<Granularity.Period> periods, Counts counts, boolean[] hidden, boolean withTotal, boolean suppressed) {
        int cols = periods.size() + (withTotal ? 1 : 0);
        List<FigureTable.Row> rows = new ArrayList<>();
        for (int r = 0; r < counts.territories().size(); r++) {
            List<FigureTable.Cell> cells = new ArrayList<>();
            long sum = 0;
            for (int p = 0; p < periods.size(); p++) {
                long v = counts.values()[r][p];
                sum += v;
                cells.add(hidden[r * cols + p] ? FigureTable.Cell.hiddenCell(periods.get(p).key())
                        : FigureTable.Cell.of(periods.get(p).key(), v));
            }
            FigureTable.Cell total = !withTotal ? null
                    : hidden[r * cols + periods.size()] ? FigureTable.Cell.hiddenCell("total")
                    : FigureTable.Cell.of("total", sum);
            String code = counts.territories().get(r);
            rows.add(new FigureTable.Row(code, r > 0 && Territory.unallocated(code, level), cells, total));
        }
        return new FigureTable(indicator.code(), indicator.unit(), scope, level, granularity.name(),
                periods.stream().map(Granularity.Period::key).toList(), rows.get(0), rows.subList(1, rows.size()),
                suppressed, threshold);
    }

    /** 100 × numerator / Σ denominators, cell by cell of the (suppressed) count tables. */
    private FigureTable rate(Indicator indicator, String scope, int level, Granularity granularity,
            List<Granularity.Period> periods, boolean suppress) {
        LocalDate from = periods.get(0).start();
        LocalDate to = periods.get(periods.size() - 1).end();
        FigureTable numerator = table(catalog.find(indicator.numerator()).orElseThrow(), scope, level, granularity,
                from, to, suppress);
        List<FigureTable> denominators = indicator.denominator().stream()
                .map(code -> table(catalog.find(code).orElseThrow(), scope, level, granularity, from, to, suppress))
                .toList();
        // The scope's row, then the children: a child may carry the scope's own code (unallocated, e.g.
        // 271000000 among the rural districts of 271000000), so children are looked up among rows only.
        List<String> children = new ArrayList<>();
        denominators.forEach(d -> d.rows().forEach(r -> {
            if (!children.contains(r.territory())) {
                children.add(r.territory());
            }
        }));
        children.sort(null);
        List<FigureTable.Row> all = new ArrayList<>();
        all.add(rateRow(scope, false, level, numerator, denominators, periods));
        for (String t : children) {
            all.add(rateRow(t, true, level, numerator, denominators, periods));
        }
        return new FigureTable(indicator.code(), indicator.unit(), scope, level, granularity.name(),
                periods.stream().map(Granularity.Period::key).toList(), all.get(0), all.subList(1, all.size()), suppress,
                threshold);
    }

    private static FigureTable.Row rateRow(String t, boolean child, int level, FigureTable numerator,
            List<FigureTable> denominators, List<Granularity.Period> periods) {
        List<FigureTable.Cell> cells = new ArrayList<>();
        for (Granularity.Period p : periods) {
            cells.add(rateCell(p.key(), cell(numerator, t, child, p.key()),
                    denominators.stream().map(d -> cell(d, t, child, p.key())).toList()));
        }
        FigureTable.Cell total = rateCell("total", cell(numerator, t, child, "total"),
                denominators.stream().map(d -> cell(d, t, child, "total")).toList());
        return new FigureTable.Row(t, child && Territory.unallocated(t, level), cells, total);
    }

    /** A territory's cell of a count table (its scope row, or a child row); a child absent from it counted nothing. */
    private static FigureTable.Cell cell(FigureTable table, String territory, boolean child, String period) {
        FigureTable.Row row = !child ? table.scope()
                : table.rows().stream().filter(r -> r.territory().equals(territory)).findFirst().orElse(null);
        if (row == null) {
            return FigureTable.Cell.of(period, 0L);
        }
        if ("total".equals(period)) {
            return row.total();
        }
        return row.cells().stream().filter(c -> c.period().equals(period)).findFirst().orElseThrow();
    }

    private static FigureTable.Cell rateCell(String period, FigureTable.Cell numerator, List<FigureTable.Cell> denominators) {
        if (numerator == null || numerator.hidden() || denominators.stream().anyMatch(d -> d == null || d.hidden())) {
            return FigureTable.Cell.hiddenCell(period);
        }
        long den = denominators.stream().mapToLong(d -> d.value().longValue()).sum();
        if (den == 0) {
            return FigureTable.Cell.of(period, null);
        }
        double pct = Math.round(1000.0 * numerator.value().longValue() / den) / 10.0;
        return FigureTable.Cell.of(period, pct);
    }

    /** One period of a count indicator by territory × a dimension, suppressed as one table when asked. */
    public BreakdownTable breakdown(Indicator indicator, String scope, int level, String by, LocalDate from, LocalDate to,
            boolean suppress) {
        if (indicator.rate() || !FigureQueries.dimensions(indicator.code()).contains(by)) {
            throw ProblemException.field(ProblemType.VALIDATION, "by", "one of "
                    + new java.util.TreeSet<>(FigureQueries.dimensions(indicator.code())) + " for " + indicator.code());
        }
        Granularity.Period period = new Granularity.Period(from + ".." + to, from, to);
        Map<String, Map<String, Long>> data = new TreeMap<>(
                queries.countBy(indicator.code(), level, KatoScope.prefix(scope), period, by));
        java.util.SortedSet<String> values = new java.util.TreeSet<>();
        data.values().forEach(m -> values.addAll(m.keySet()));
        List<String> columns = List.copyOf(values);
        tooLarge((long) (data.size() + 1) * (columns.size() + 1), suppress);
        List<String> territories = new ArrayList<>();
        territories.add(scope);
        territories.addAll(data.keySet());
        int cols = columns.size() + 1;
        long[][] grid = new long[territories.size()][cols];
        int[] parentOf = new int[territories.size()];
        for (int r = 1; r < territories.size(); r++) {
            Map<String, Long> row = data.get(territories.get(r));
            for (int c = 0; c < columns.size(); c++) {
                long v = row.getOrDefault(columns.get(c), 0L);
                grid[r][c] = v;
                grid[r][columns.size()] += v;
                grid[0][c] += v;
                grid[0][columns.size()] += v;
            }
        }
        parentOf[0] = -1;
        boolean[] hidden = suppress
                ? new SmallCellSuppression(threshold).apply(GridTable.of(grid, parentOf, columns.size())).hidden()
                : new boolean[territories.size() * cols];
        List<BreakdownTable.Row> rows = new ArrayList<>();
        for (int r = 0; r < territories.size(); r++) {
            List<BreakdownTable.Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                boolean h = hidden[r * cols + c];
                cells.add(new BreakdownTable.Cell(columns.get(c), h ? null : grid[r][c], h));
            }
            boolean h = hidden[r * cols + columns.size()];
            String code = territories.get(r);
            rows.add(new BreakdownTable.Row(code, r > 0 && Territory.unallocated(code, level), cells,
                    new BreakdownTable.Cell("total", h ? null : grid[r][columns.size()], h)));
        }
        return new BreakdownTable(indicator.code(), indicator.unit(), scope, level, by, from.toString(), to.toString(),
                columns, rows.get(0), rows.subList(1, rows.size()), suppress, threshold);
    }
}
