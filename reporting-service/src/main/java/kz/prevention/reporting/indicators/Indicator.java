package kz.prevention.reporting.indicators;

import java.util.List;
import java.util.Map;

/**
 * One indicator of the catalog ({@code reporting/indicators.json}): what it counts, from which
 * events, in which unit, broken down how, for which section of the National report and which
 * article of the law. A {@code rate} is 100 × numerator / Σ denominator, all counts of the catalog.
 */
public record Indicator(String code, String section, String unit, String kind, Map<String, String> names,
        String definition, String formula, List<String> sourceEvents, List<String> disaggregations, String article,
        String numerator, List<String> denominator) {

    public boolean rate() {
        return "rate".equals(kind);
    }

    /** A figure at the end of a period (a stock), which has no total over periods. */
    public boolean stock() {
        return code.endsWith("_AT_END");
    }

    public String name(String lang) {
        return names.getOrDefault(lang, names.get("en"));
    }
}
