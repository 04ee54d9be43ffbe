package kz.prevention.measures.measure;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.reference.organisation.Organisations;

/**
 * The organisation a measure goes to (issue 10): one of the executing agency's, serving a territory
 * that covers the person's (or the general plan's), in the organisations catalog in force on the day
 * it is assigned. Otherwise a 422 naming {@code organisation} (400 for a malformed BIN).
 */
@ApplicationScoped
public class ExecutingOrganisation {

    static final String FIELD = "organisation";

    @Inject
    Organisations organisations;

    /** The BIN, checked. */
    public String require(String bin, String agency, String territory, LocalDate day) {
        Organisations.Organisation o = organisations.require(bin, FIELD, day);
        if (!o.agency().equals(agency)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, FIELD,
                    "this organisation belongs to " + o.agency() + ", not to the executing agency " + agency);
        }
        if (!KatoScope.covers(o.territory(), territory)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, FIELD, "this organisation serves territory "
                    + o.territory() + ", which does not cover the measure's territory " + territory);
        }
        return o.bin();
    }
}
