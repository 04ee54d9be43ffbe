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
}
