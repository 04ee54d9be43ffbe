package kz.prevention.measures.measure;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalogs;

/**
 * What the catalogs say of a measure type: individual measures (DOMAIN §2, with the subjects
 * allowed to apply each, default and maximum term) and the general and special kinds of
 * measures for plans that are not about one person. A law amendment is a catalog change.
 */
@ApplicationScoped
public class MeasureTypes {

    @Inject
    ReferenceCatalogs catalogs;

    /** A measure type as the rules need it, and the catalog it comes from. */
    public record Type(CatalogEntry entry, String kind, String catalog) {

        public boolean individual() {
            return "INDIVIDUAL".equals(kind);
        }

        public boolean mayBeAppliedBy(String agency) {
            // General and special measures are a territory's common work: any subject takes part (Art. 41).
            return !individual() || entry.list("appliers").contains(agency);
        }

        public Optional<Integer> defaultTermDays() {
            return entry.number("defaultTermDays");
        }

        public Optional<Integer> maxTermDays() {
            return entry.number("maxTermDays");
        }

        public boolean minorsOnly() {
            return entry.flag("minorsOnly");
        }

        public Map<String, String> names() {
            return entry.names();
        }
    }

    /**
     * The type of a code a caller sent as the catalog version in force on {@code day} says (its term,
     * who applies it); otherwise a 400 problem naming the field.
     */
    public Type require(String code, String field, LocalDate day) {
        if (code == null || code.isBlank()) {
            throw ProblemException.field(ProblemType.VALIDATION, field, "required");
        }
        Type type = find(code).orElseThrow(() -> ProblemException.field(ProblemType.VALIDATION, field, "unknown measure type '"
                + code + "'; valid codes: GET /api/v1/catalogs/individual-measures and /api/v1/catalogs/general-measure-kinds"));
        return new Type(catalogs.require(type.catalog(), code, field, day), type.kind(), type.catalog());
    }

    /** How a measure records the catalog version it was decided under, e.g. {@code 2026.11.1/2026-03-02}. */
    public String ruleOf(Type type) {
        return catalogs.ruleOf(type.catalog(), type.entry());
    }

    public Optional<Type> find(String code) {
        return catalogs.entry(ReferenceCatalogs.INDIVIDUAL_MEASURES, code)
                .map(e -> new Type(e, e.text("kind").orElse("INDIVIDUAL"), ReferenceCatalogs.INDIVIDUAL_MEASURES))
                .or(() -> catalogs.entry(ReferenceCatalogs.GENERAL_MEASURE_KINDS, code)
                        .map(e -> new Type(e, e.text("kind").orElse("GENERAL"), ReferenceCatalogs.GENERAL_MEASURE_KINDS)));
    }

    public void requireAgency(String code, String field, LocalDate day) {
        if (code == null || code.isBlank()) {
            throw ProblemException.field(ProblemType.VALIDATION, field, "required");
        }
        catalogs.require(ReferenceCatalogs.SUBJECTS, code, field, day);
    }

    public void requireGeneralKind(String code, String field, LocalDate day) {
        catalogs.require(ReferenceCatalogs.GENERAL_MEASURE_KINDS, code, field, day);
    }
}
