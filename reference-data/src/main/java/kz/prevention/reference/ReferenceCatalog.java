package kz.prevention.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A versioned catalog file: {@code catalogs/<catalog>.json}. */
@Schema(name = "ReferenceCatalog")
public record ReferenceCatalog(String catalog, String version, String source, Map<String, String> description,
        List<CatalogEntry> entries) {

    public Optional<CatalogEntry> entry(String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
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
