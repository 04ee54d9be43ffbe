package kz.prevention.reference.organisation;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.identity.Bin;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalogs;

/**
 * The organisations catalog ({@code catalogs/organisations.json}): which organisation (by BIN)
 * belongs to which subject of prevention and which KATO territory it serves, dated like every
 * catalog, so a school that closes or is reorganised is a data change from its date.
 */
@ApplicationScoped
public class Organisations {

    private final ReferenceCatalogs catalogs;

    @Inject
    public Organisations(ReferenceCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** One organisation as a rule needs it: its BIN, the agency (a subjects code) and the territory it serves. */
    public record Organisation(String bin, String agency, String territory) {
    }

    /**
     * The organisation with this BIN, whatever its dates: an executor keeps seeing the measures
     * assigned to its organisation while the organisation still serves their territory.
     */
    public java.util.Optional<Organisation> find(String bin) {
        return catalogs.entry(ReferenceCatalogs.ORGANISATIONS, bin).map(Organisations::of);
    }

    private static Organisation of(CatalogEntry e) {
        return new Organisation(e.code(), e.text("agency").orElseThrow(), e.text("territory").orElseThrow());
    }

    /**
     * The organisation with this BIN in force on {@code day}: a malformed BIN is a 400, a BIN the
     * catalog does not hold on that day a 422, both naming {@code field} and never echoing the value.
     */
    public Organisation require(String bin, String field, LocalDate day) {
        Bin.problem(bin).ifPresent(problem -> {
            throw ProblemException.field(ProblemType.VALIDATION, field, "not a BIN: " + problem);
        });
        CatalogEntry e = catalogs.entry(ReferenceCatalogs.ORGANISATIONS, bin).filter(o -> o.inForceOn(day))
                .orElseThrow(() -> ProblemException.field(ProblemType.UNPROCESSABLE, field,
                        "no organisation with this BIN in force on " + day + "; valid ones: GET /api/v1/catalogs/"
                                + ReferenceCatalogs.ORGANISATIONS));
        return of(e);
    }
}
