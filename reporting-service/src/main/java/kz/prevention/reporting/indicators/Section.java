package kz.prevention.reporting.indicators;

import java.util.Map;

/** A section of the National report as Art. 40 names it. */
public record Section(String code, String article, Map<String, String> names) {

    public String name(String lang) {
        return names.getOrDefault(lang, names.get("en"));
    }
}
