package kz.prevention.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.territory.KatoScope;
import kz.prevention.reporting.figures.FigureService;
import kz.prevention.reporting.figures.FigureTable;
import kz.prevention.reporting.figures.Granularity;
import kz.prevention.reporting.indicators.Indicator;
import kz.prevention.reporting.indicators.IndicatorCatalog;
import kz.prevention.reporting.indicators.Section;

/**
 * Computes the National report: for each indicator one table of the territory and its children
 * over the year and the year before (suppressed as a whole when the caller is below supervisor —
 * linked indicators as one family, the same table {@code /figures} answers for them), read into
 * the report's figures; the scope's months of the year, checked with the yearly tables; then the
 * texts.
 */
@ApplicationScoped
public class ReportBuilder {

    /** Told how far the work has come: 0..1 and the stage. */
    public interface Progress {
        void at(double fraction, String stage);
    }

    static final String TREND_INDICATOR = "ENTRIES_REGISTERED";

    @Inject
    FigureService figures;
    @Inject
    IndicatorCatalog catalog;

    public NationalReport build(int year, String territory, boolean suppress, Progress progress) {
        int childLevel = Math.min(KatoScope.level(territory) + 1, 4);
        LocalDate from = LocalDate.of(year - 1, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        String now = String.valueOf(year);
        String before = String.valueOf(year - 1);
        List<NationalReport.Part> parts = new ArrayList<>();
        // Linked indicators come as one family, suppressed as one table: counted once, shown each in its section.
        Map<String, FigureTable> counted = new java.util.HashMap<>();
        int done = 0;
        int total = catalog.indicators().size() + 1;
        for (Section s : catalog.sections()) {
            List<NationalReport.Figure> list = new ArrayList<>();
            for (Indicator i : catalog.indicators()) {
                if (!i.section().equals(s.code())) {
                    continue;
                }
                progress.at((double) done++ / total, "COUNTING " + i.code());
                if (!counted.containsKey(i.code())) {
                    counted.putAll(i.rate() ? Map.of(i.code(), figures.table(i, territory, childLevel, Granularity.YEAR,
                            from, to, suppress)) : figures.family(i, territory, childLevel, Granularity.YEAR, from, to, suppress));
                }
                FigureTable t = counted.get(i.code());
                list.add(figure(i, t, now, before));
            }
            parts.add(new NationalReport.Part(s.code(), s.article(), s.names(), ReportTexts.section(year, list), list));
        }
        progress.at((double) done / total, "COUNTING trend");
        List<NationalReport.TerritoryValue> months = figures.scopeMonths(catalog.find(TREND_INDICATOR).orElseThrow(),
                territory, childLevel, year, Granularity.YEAR.periods(from, to), suppress).stream()
                .map(c -> new NationalReport.TerritoryValue(c.period(), c.value(), c.hidden())).toList();
        return new NationalReport(year, territory, childLevel, catalog.version(), suppress, figures.threshold(),
                ReportTexts.title(year, territory), parts, new NationalReport.Trend(TREND_INDICATOR, months));
    }

    private static NationalReport.Figure figure(Indicator i, FigureTable t, String now, String before) {
        FigureTable.Cell v = t.scopeCell(now);
        FigureTable.Cell p = t.scopeCell(before);
        Number change = null;
        Double pct = null;
        if (!v.hidden() && !p.hidden() && v.value() != null && p.value() != null) {
            if (i.rate()) {
                change = Math.round((v.value().doubleValue() - p.value().doubleValue()) * 10) / 10.0;
            } else {
                change = v.value().longValue() - p.value().longValue();
                if (p.value().longValue() != 0) {
                    pct = Math.round(1000.0 * change.longValue() / p.value().longValue()) / 10.0;
                }
            }
        }
        List<NationalReport.TerritoryValue> children = new ArrayList<>();
        for (FigureTable.Row r : t.rows()) {
            FigureTable.Cell c = r.cells().stream().filter(x -> x.period().equals(now)).findFirst().orElseThrow();
            children.add(new NationalReport.TerritoryValue(r.territory(), c.value(), c.hidden()));
        }
        return new NationalReport.Figure(i.code(), new java.util.TreeMap<>(i.names()), i.unit(), v.value(), v.hidden(), p.value(),
                p.hidden(), change, pct, children);
    }
}
