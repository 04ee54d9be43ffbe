package kz.prevention.reporting.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * The indicator catalog, a dated reference file ({@code reporting/indicators.json}): the law lists
 * no indicators, so these are the platform's proposal, versioned like the law's catalogs.
 * {@code docs/indicators.md} is generated from it (a test keeps them equal).
 */
@ApplicationScoped
public class IndicatorCatalog {

    public static final String RESOURCE = "reporting/indicators.json";

    public record Document(String catalog, String version, String validFrom, Map<String, String> description,
            Map<String, Object> suppression, List<Section> sections, List<Indicator> indicators, Internal internal) {
    }

    /**
     * The internal indicators (issue 12 §6): officers' and units' prevention work, for the officer and
     * their authorised heads only. Kept apart from {@code indicators} so nothing that publishes —
     * figures, the National report, its exports — can reach them: {@link #find} never returns one.
     */
    public record Internal(String code, String article, Map<String, String> names, String audience, String suppression,
            String attribution, List<Indicator> indicators) {

        public String name(String lang) {
            return names.getOrDefault(lang, names.get("en"));
        }
    }

    private final Document document;
    private final Map<String, Indicator> byCode = new LinkedHashMap<>();

    public IndicatorCatalog() {
        this(load());
    }

    public IndicatorCatalog(Document document) {
        this.document = document;
        for (Indicator i : document.indicators()) {
            if (byCode.put(i.code(), i) != null) {
                throw new IllegalStateException("indicator " + i.code() + " is listed twice");
            }
            if (document.sections().stream().noneMatch(s -> s.code().equals(i.section()))) {
                throw new IllegalStateException("indicator " + i.code() + " names an unknown section " + i.section());
            }
        }
        if (document.internal() != null) {
            for (Indicator i : document.internal().indicators()) {
                if (byCode.containsKey(i.code()) || !document.internal().code().equals(i.section())) {
                    throw new IllegalStateException("internal indicator " + i.code()
                            + " must have a code of its own and the internal section");
                }
            }
        }
        for (Indicator i : document.indicators()) {
            if (i.rate() && (i.numerator() == null || !byCode.containsKey(i.numerator()) || i.denominator() == null
                    || !i.denominator().stream().allMatch(byCode::containsKey))) {
                throw new IllegalStateException("rate " + i.code() + " must name catalog counts");
            }
        }
    }

    public static Document load() {
        return CatalogResource.read(RESOURCE, Document.class);
    }

    public Document document() {
        return document;
    }

    public List<Indicator> indicators() {
        return document.indicators();
    }

    public List<Section> sections() {
        return document.sections();
    }

    /** The internal indicators (officers' and units' work); never published. */
    public List<Indicator> internalIndicators() {
        return document.internal() == null ? List.of() : document.internal().indicators();
    }

    /** A published indicator by its code; internal ones are not found here. */
    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public String version() {
        return document.version();
    }
}
