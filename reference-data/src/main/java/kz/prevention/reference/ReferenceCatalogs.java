package kz.prevention.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/**
 * All reference catalogs, loaded once from {@code catalogs/index.json} and the files it lists.
 * Domain code asks here whether a code is valid — never compares against literals of its own.
 */
@ApplicationScoped
public class ReferenceCatalogs {

    public static final String SUBJECTS = "subjects";
    public static final String REGIONS = "kato-regions";
    public static final String REGISTRY_CATEGORIES = "registry-categories";
    public static final String REMOVAL_REASONS = "removal-reasons";
    public static final String GROUNDING_DOCUMENTS = "grounding-document-types";
    public static final String INDIVIDUAL_MEASURES = "individual-measures";
    public static final String GENERAL_MEASURE_KINDS = "general-measure-kinds";
    public static final String CONTROL_FORMS = "control-forms";
    public static final String RISK_LEVELS = "risk-levels";
    public static final String ORGANISATIONS = "organisations";

    private final Map<String, ReferenceCatalog> catalogs;

    @Inject
    public ReferenceCatalogs(ObjectMapper mapper) {
        this(mapper, Thread.currentThread().getContextClassLoader());
    }

    public ReferenceCatalogs(ObjectMapper mapper, ClassLoader loader) {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndRegisterModules();
        Map<String, ReferenceCatalog> loaded = new LinkedHashMap<>();
        JsonNode index = read(strict, loader, "catalogs/index.json", JsonNode.class);
        for (JsonNode name : index.path("catalogs")) {
            ReferenceCatalog catalog = read(strict, loader, "catalogs/" + name.asText() + ".json", ReferenceCatalog.class);
            if (!catalog.catalog().equals(name.asText())) {
                throw new IllegalStateException("catalogs/" + name.asText() + ".json declares itself " + catalog.catalog());
            }
            loaded.put(catalog.catalog(), catalog);
        }
        this.catalogs = Map.copyOf(loaded);
    }

    private ReferenceCatalogs(Map<String, ReferenceCatalog> catalogs) {
        this.catalogs = Map.copyOf(catalogs);
    }

    /**
     * These catalogs with one replaced by {@code amended} (same name): how an amendment test puts a
     * dated change of the law in force without editing the shipped files.
     */
    public ReferenceCatalogs with(ReferenceCatalog amended) {
        Map<String, ReferenceCatalog> copy = new LinkedHashMap<>(catalogs);
        if (copy.put(amended.catalog(), amended) == null) {
            throw new IllegalArgumentException("no reference catalog " + amended.catalog() + " to amend");
        }
        return new ReferenceCatalogs(copy);
    }

    public Collection<ReferenceCatalog> all() {
        return catalogs.values();
    }

    public Optional<ReferenceCatalog> find(String name) {
        return Optional.ofNullable(catalogs.get(name));
    }

    public ReferenceCatalog get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no reference catalog " + name));
    }

    public Optional<CatalogEntry> entry(String catalog, String code) {
        return code == null ? Optional.empty() : get(catalog).entry(code);
    }

    /**
     * The entry for a code a caller sent, in force on {@code day}; otherwise a 400 problem naming
     * the field and where the valid codes are listed.
     */
    public CatalogEntry require(String catalog, String code, String field, LocalDate day) {
        entry(catalog, code).orElseThrow(() -> ProblemException.field(ProblemType.VALIDATION, field,
                "unknown code '" + code + "'; valid codes: GET /api/v1/catalogs/" + catalog));
        return get(catalog).entryOn(code, day).orElseThrow(() -> ProblemException.field(ProblemType.VALIDATION, field,
                "code " + code + " is not in force on " + day));
    }

    /** The rule a record was decided under, as it stores it: see {@link ReferenceCatalog#ruleOf}. */
    public String ruleOf(String catalog, CatalogEntry entry) {
        return get(catalog).ruleOf(entry);
    }

    public List<String> codes(String catalog) {
        return get(catalog).entries().stream().map(CatalogEntry::code).toList();
    }

    private static <T> T read(ObjectMapper mapper, ClassLoader loader, String path, Class<T> type) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference catalog " + path + " is missing");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
