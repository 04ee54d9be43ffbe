package kz.prevention.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A versioned catalog file: {@code catalogs/<catalog>.json}. */
@Schema(name = "ReferenceCatalog")
public record ReferenceCatalog(String catalog, String version, String source, Map<String, String> description,
        List<CatalogEntry> entries) {

    /**
     * A version of {@code code}, whichever: for what every version answers alike (whether the code
     * exists, its names). A rule — a term, who may apply a measure, an age — is read with {@link #entryOn}.
     */
    public Optional<CatalogEntry> entry(String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** The version of {@code code} in force on {@code day}: the rule that applies to what happens that day. */
    public Optional<CatalogEntry> entryOn(String code, java.time.LocalDate day) {
        return entries.stream().filter(e -> e.code().equals(code) && e.inForceOn(day)).findFirst();
    }

    /**
     * How a record names the rule it was decided under: this catalog's version and the entry
     * version's effective date, e.g. {@code 2026.11.1/2026-03-02} (as the deadlines' {@code rule}).
     */
    public String ruleOf(CatalogEntry entry) {
        return version + "/" + entry.validFrom();
    }

    public boolean contains(String code) {
        return entry(code).isPresent();
    }

    /**
     * This catalog as it reads after an amendment: the code's version in force (no end date) ends the
     * day before {@code from}, and a new version from {@code from} has {@code attribute} set to
     * {@code value}. A dated change of the law is data, not code; the amendment tests build theirs here.
     */
    public ReferenceCatalog amended(String code, java.time.LocalDate from, String attribute, Object value) {
        List<CatalogEntry> out = new java.util.ArrayList<>();
        for (CatalogEntry e : entries) {
            if (e.code().equals(code) && e.validTo() == null) {
                out.add(new CatalogEntry(e.code(), e.names(), e.article(), e.validFrom(), from.minusDays(1), e.attributes()));
                Map<String, Object> attributes = new java.util.HashMap<>(e.attributes());
                attributes.put(attribute, value);
                out.add(new CatalogEntry(e.code(), e.names(), e.article(), from, null, attributes));
            } else {
                out.add(e);
            }
        }
        return new ReferenceCatalog(catalog, "amended", source, description, out);
    }
}
