package kz.prevention.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One item of a reference catalog: a stable code, its names in Kazakh, Russian and English,
 * the article of the law it comes from, when it is in force, and catalog-specific attributes.
 */
@Schema(name = "CatalogEntry")
public record CatalogEntry(
        @Schema(example = "PROTECTIVE_ORDER") String code,
        @Schema(example = "{\"kk\": \"Қорғау нұсқамасы\", \"ru\": \"Защитное предписание\", \"en\": \"Protective order\"}")
        Map<String, String> names,
        @Schema(example = "60") String article,
        LocalDate validFrom,
        LocalDate validTo,
        Map<String, Object> attributes) {

    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public Optional<String> text(String attribute) {
        Object v = attributes.get(attribute);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    public Optional<Integer> number(String attribute) {
        Object v = attributes.get(attribute);
        return v instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
    }

    public boolean flag(String attribute) {
        return Boolean.TRUE.equals(attributes.get(attribute));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String attribute) {
        Object v = attributes.get(attribute);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }
}
