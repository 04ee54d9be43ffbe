package kz.prevention.reporting.report;

import java.util.List;
import java.util.Map;

/**
 * The National report on the state of public safety (Art. 7.5, Art. 40) for a year and a
 * territory (the republic, or a region): every indicator of the catalog with the previous year
 * and the change, by section of the law, with a short text in Kazakh, Russian and English, and
 * the figures of the territory's children. Nothing in it depends on when it was made, so the same
 * year and the same events give the same bytes in every export.
 */
public record NationalReport(int year, String territory, int childLevel, String catalogVersion, boolean suppressed,
        int threshold, Map<String, String> title, List<Part> sections, Trend trend) {

    /** A section of Art. 40 with its figures and text. */
    public record Part(String code, String article, Map<String, String> names, Map<String, String> text,
            List<Figure> figures) {
    }

    /**
     * An indicator for the year: its value, the previous year's and the change (percentage points
     * for rates); a hidden value is null, and so is any change computed from it.
     */
    public record Figure(String indicator, Map<String, String> names, String unit, Number value, boolean hidden,
            Number previous, boolean previousHidden, Number change, Double changePercent,
            List<TerritoryValue> byTerritory) {
    }

    public record TerritoryValue(String territory, Number value, boolean hidden) {
    }

    /** Registrations month by month: the report's trend line. */
    public record Trend(String indicator, List<TerritoryValue> months) {
    }
}
