package kz.prevention.reporting.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import kz.prevention.reporting.indicators.IndicatorLinks;
import kz.prevention.reporting.suppression.FamilyTable;
import kz.prevention.reporting.suppression.LinkedTable;
import kz.prevention.reporting.suppression.SmallCellSuppression;
import kz.prevention.reporting.territory.Territory;

/**
 * Builds the published tables: counts from {@link FigureQueries}, the scope's row as the sum of its
 * children (so the hierarchy adds up), and — when asked — small-cell suppression over the whole
 * table: rows, the scope's row and the total column are the relations an attacker could use. An
 * indicator linked to others ({@link IndicatorLinks}) is suppressed with them as one table, their
 * unpublished differences included, so every answer for the same scope and periods hides the same
 * cells. Rates are computed from the suppressed counts and hidden with them.
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
    /**
     * Linked indicators are suppressed as one table (their published cells and the differences
     * between them): beyond this many cells together an answer below supervisor is refused, like a
     * table beyond {@link #MAX_SUPPRESSED_CELLS}.
     */
    static final int MAX_FAMILY_CELLS = 2800;
    /**
     * The audit's work (Σ over its linear programmes of the component's cells squared) an answer
     * may cost: a family with many small counts links them all into large programmes.
     */
    static final long MAX_AUDIT_WORK = 20_000_000L;

    @Inject
    FigureQueries queries;
    @Inject
    IndicatorCatalog catalog;
    @Inject
    IndicatorLinks links;
    @ConfigProperty(name = "reporting.suppression.threshold", defaultValue = "5")
    int threshold;

    public int threshold() {
        return threshold;
    }

    public FigureTable table(Indicator indicator, String scope, int level, Granularity granularity, LocalDate from,
            LocalDate to, boolean suppress) {
        if (indicator.rate()) {
            List<Granularity.Period> periods = granularity.periods(from, to);
            return rate(indicator, scope, level, granularity, periods, suppress);
        }
        return family(indicator, scope, level, granularity, from, to, suppress).get(indicator.code());
    }

    /**
     * The tables of a count indicator and of every published indicator linked to it
     * ({@link IndicatorLinks}), over the same territories and periods, suppressed as ONE table when
     * asked: whichever of them an answer shows, for the same scope, level and periods, it shows
     * the same hiding pattern, and differencing them (adults = all − minors) gives nothing away.
     * Unsuppressed (supervisors), the indicator's table alone.
     */
    public Map<String, FigureTable> family(Indicator indicator, String scope, int level, Granularity granularity,
            LocalDate from, LocalDate to, boolean suppress) {
        List<Granularity.Period> periods = granularity.periods(from, to);
        Joint joint = joint(indicator, scope, level, periods, suppress);
        Map<String, FigureTable> out = new LinkedHashMap<>();
        for (String code : joint.family().published()) {
            out.put(code, toTable(catalog.find(code).orElseThrow(), scope, level, granularity, periods, joint, code,
                    suppress));
        }
        return out;
    }

    /**
     * A family's counts as one {@link FamilyTable} (row 0 the scope, then every territory where any
     * member counted something, in code order; a column per period and, for flows, the total) and
     * its hiding pattern (none when not suppressed).
     */
    record Joint(IndicatorLinks.Family family, List<String> territories, FamilyTable table, boolean[] hidden) {
        boolean hidden(String code, int row, int column) {
            return hidden[table.cell(code, row, column)];
        }

        long value(String code, int row, int column) {
            return table.table().value(table.cell(code, row, column));
        }
    }

    /**
     * Suppresses a joint table within {@link #MAX_AUDIT_WORK}; beyond it the answer is refused like
     * a table with too many cells (the same data is always refused: the work is counted, not timed).
     */
    private SmallCellSuppression.Result suppress(LinkedTable table, SmallCellSuppression.Given given) {
        try {
            return new SmallCellSuppression(threshold, MAX_AUDIT_WORK).apply(table, given);
        } catch (SmallCellSuppression.TooCostly e) {
            throw new ProblemException(ProblemType.VALIDATION, "the table has too many small counts linked together"
                    + " to protect in one answer: choose a longer period, a higher level or a smaller region");
        }
    }

    private static void tooLarge(long cells, boolean suppress) {
        int max = suppress ? MAX_SUPPRESSED_CELLS : MAX_CELLS;
        if (cells > max) {
            throw new ProblemException(ProblemType.VALIDATION, "the table would have more than " + max
                    + " cells: choose a longer period, a higher level or a smaller region");
        }
    }

    Joint joint(Indicator indicator, String scope, int level, List<Granularity.Period> periods, boolean suppress) {
        IndicatorLinks.Family family = suppress ? links.family(indicator.code())
                : new IndicatorLinks.Family(List.of(indicator.code()), List.of(), List.of());
        Map<String, Map<String, Map<String, Long>>> counts = new LinkedHashMap<>();
        java.util.SortedSet<String> children = new java.util.TreeSet<>();
        for (String code : family.published()) {
            Map<String, Map<String, Long>> byTerritory = queries.count(code, level, KatoScope.prefix(scope), periods);
            if (code.equals(indicator.code())) {
                tooLarge((long) (byTerritory.size() + 1) * (periods.size() + 1), suppress);
            }
            counts.put(code, byTerritory);
            children.addAll(byTerritory.keySet());
        }
        List<String> territories = new ArrayList<>();
        territories.add(scope);
        territories.addAll(children);
        long familyCells = (long) territories.size() * (periods.size() + 1) * family.members().size();
        if (suppress && familyCells > MAX_FAMILY_CELLS) {
            throw new ProblemException(ProblemType.VALIDATION, indicator.code() + " is published with "
                    + family.published() + ", which are protected together: their tables would have more than "
                    + MAX_FAMILY_CELLS + " cells together: choose a longer period, a higher level or a smaller region");
        }
        List<FamilyTable.Member> members = new ArrayList<>();
        for (String code : family.published()) {
            long[][] values = new long[territories.size()][periods.size()];
            for (int r = 1; r < territories.size(); r++) {
                Map<String, Long> row = counts.get(code).getOrDefault(territories.get(r), Map.of());
                for (int p = 0; p < periods.size(); p++) {
                    values[r][p] = row.getOrDefault(periods.get(p).key(), 0L);
                    values[0][p] += values[r][p];
                }
            }
            members.add(new FamilyTable.Member(code, values));
        }
        family.derived().forEach(code -> members.add(new FamilyTable.Member(code, null)));
        int[] parentOf = new int[territories.size()];
        for (int r = 0; r < parentOf.length; r++) {
            parentOf[r] = r == 0 ? -1 : 0;
        }
        FamilyTable table = FamilyTable.of(members, parentOf, periods.size(), !indicator.stock(),
                family.links().stream().map(l -> new FamilyTable.Link(l.total(), l.parts())).toList());
        boolean[] hidden = suppress
                ? suppress(table.table(),
                        SmallCellSuppression.Given.unpublished(table.unpublished())).hidden()
                : new boolean[table.table().size()];
        return new Joint(family, territories, table, hidden);
    }

    private FigureTable toTable(Indicator indicator, String scope, int level, Granularity granularity,
            List<Granularity.Period> periods, Joint joint, String code, boolean suppressed) {
        boolean withTotal = !indicator.stock();
        List<FigureTable.Row> rows = new ArrayList<>();
        for (int r = 0; r < joint.territories().size(); r++) {
            List<FigureTable.Cell> cells = new ArrayList<>();
            for (int p = 0; p < periods.size(); p++) {
                cells.add(joint.hidden(code, r, p) ? FigureTable.Cell.hiddenCell(periods.get(p).key())
                        : FigureTable.Cell.of(periods.get(p).key(), joint.value(code, r, p)));
            }
            int t = periods.size();
            FigureTable.Cell total = !withTotal ? null
                    : joint.hidden(code, r, t) ? FigureTable.Cell.hiddenCell("total")
                    : FigureTable.Cell.of("total", joint.value(code, r, t));
            String territory = joint.territories().get(r);
            rows.add(new FigureTable.Row(territory, r > 0 && Territory.unallocated(territory, level), cells, total));
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

    /**
     * One period of a count indicator by territory × a dimension. Its row totals are the
     * indicator's figures for that period, so they take the hiding pattern of the indicator's
     * family over that one period (what {@code /figures} shows for it); the breakdown's own cells
     * are then suppressed in one table with the family's cells, those fixed as they are published,
     * and with the columns the catalog says another indicator equals (a slice).
     */
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
        Joint joint = joint(indicator, scope, level, List.of(period), suppress);
        List<String> territories = joint.territories();
        int cols = columns.size() + 1;
        long[][] grid = new long[territories.size()][cols];
        for (int r = 1; r < territories.size(); r++) {
            Map<String, Long> row = data.getOrDefault(territories.get(r), Map.of());
            for (int c = 0; c < columns.size(); c++) {
                long v = row.getOrDefault(columns.get(c), 0L);
                grid[r][c] = v;
                grid[r][columns.size()] += v;
                grid[0][c] += v;
                grid[0][columns.size()] += v;
            }
        }
        boolean[] hidden = suppress ? breakdownSuppression(indicator, by, joint, columns, grid)
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

    /**
     * The breakdown's hiding pattern, [row][column] flattened with the total last: its inner cells
     * join the family's table (fixed as published) — each row adds up to the indicator's figure,
     * each column's scope cell to its children, a slice equals the sliced indicator's figure.
     */
    private boolean[] breakdownSuppression(Indicator indicator, String by, Joint joint, List<String> columns,
            long[][] grid) {
        FamilyTable family = joint.table();
        int base = family.table().size();
        int rowsN = grid.length;
        int inner = columns.size();
        long[] more = new long[rowsN * inner];
        List<LinkedTable.Relation> relations = new ArrayList<>();
        for (int r = 0; r < rowsN; r++) {
            int[] members = new int[inner];
            for (int c = 0; c < inner; c++) {
                more[r * inner + c] = grid[r][c];
                members[c] = base + r * inner + c;
            }
            relations.add(new LinkedTable.Relation(family.cell(indicator.code(), r, 0), members));
        }
        for (int c = 0; c < inner; c++) {
            int[] members = new int[rowsN - 1];
            for (int r = 1; r < rowsN; r++) {
                members[r - 1] = base + r * inner + c;
            }
            relations.add(new LinkedTable.Relation(base + c, members));
        }
        for (IndicatorLinks.Slice slice : links.slicesOf(indicator.code(), by)) {
            int c = columns.indexOf(slice.value());
            if (c >= 0 && family.codes().contains(slice.indicator())) {
                for (int r = 0; r < rowsN; r++) {
                    relations.add(new LinkedTable.Relation(family.cell(slice.indicator(), r, 0),
                            new int[] {base + r * inner + c}));
                }
            }
        }
        LinkedTable table = family.table().extend(more, relations);
        int n = table.size();
        boolean[] unpublished = java.util.Arrays.copyOf(family.unpublished(), n);
        boolean[] fixed = new boolean[n];
        java.util.Arrays.fill(fixed, 0, base, true);
        boolean[] given = java.util.Arrays.copyOf(joint.hidden(), n);
        boolean[] all = suppress(table,
                new SmallCellSuppression.Given(unpublished, fixed, given)).hidden();
        int cols = inner + 1;
        boolean[] hidden = new boolean[rowsN * cols];
        for (int r = 0; r < rowsN; r++) {
            for (int c = 0; c < inner; c++) {
                hidden[r * cols + c] = all[base + r * inner + c];
            }
            hidden[r * cols + inner] = joint.hidden(indicator.code(), r, 0);
        }
        return hidden;
    }

    /**
     * The scope's months of a year as the National report's trend publishes them beside the
     * yearly tables: as {@code /figures} shows them by month (its family's pattern), and then
     * checked in one table with the yearly family (the report's {@code year} column is the
     * months' sum): what the two show together must not give a hidden cell away, so a month may
     * be hidden here that the monthly answer shows.
     */
    public List<FigureTable.Cell> scopeMonths(Indicator indicator, String scope, int level, int year,
            List<Granularity.Period> yearlyPeriods, boolean suppress) {
        List<Granularity.Period> monthPeriods = Granularity.MONTH.periods(LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        Joint monthly = joint(indicator, scope, level, monthPeriods, suppress);
        List<FigureTable.Cell> months = new ArrayList<>();
        for (int m = 0; m < monthPeriods.size(); m++) {
            months.add(monthly.hidden(indicator.code(), 0, m) ? FigureTable.Cell.hiddenCell(monthPeriods.get(m).key())
                    : FigureTable.Cell.of(monthPeriods.get(m).key(), monthly.value(indicator.code(), 0, m)));
        }
        if (!suppress) {
            return months;
        }
        Joint yearly = joint(indicator, scope, level, yearlyPeriods, true);
        int column = yearlyPeriods.stream().map(Granularity.Period::key).toList().indexOf(String.valueOf(year));
        FamilyTable family = yearly.table();
        int base = family.table().size();
        long[] more = new long[months.size()];
        int[] members = new int[months.size()];
        for (int m = 0; m < more.length; m++) {
            more[m] = monthly.value(indicator.code(), 0, m);
            members[m] = base + m;
        }
        LinkedTable table = family.table().extend(more, List.of(
                new LinkedTable.Relation(family.cell(indicator.code(), 0, column), members)));
        int n = table.size();
        boolean[] unpublished = java.util.Arrays.copyOf(family.unpublished(), n);
        boolean[] fixed = new boolean[n];
        java.util.Arrays.fill(fixed, 0, base, true);
        boolean[] given = java.util.Arrays.copyOf(yearly.hidden(), n);
        for (int m = 0; m < more.length; m++) {
            given[base + m] = months.get(m).hidden();
        }
        boolean[] hidden = suppress(table,
                new SmallCellSuppression.Given(unpublished, fixed, given)).hidden();
        List<FigureTable.Cell> out = new ArrayList<>();
        for (int m = 0; m < more.length; m++) {
            out.add(hidden[base + m] ? FigureTable.Cell.hiddenCell(months.get(m).period())
                    : FigureTable.Cell.of(months.get(m).period(), more[m]));
        }
        return out;
    }
}
