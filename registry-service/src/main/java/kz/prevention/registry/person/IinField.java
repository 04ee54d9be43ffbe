package kz.prevention.registry.person;

import kz.prevention.commons.identity.Iin;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** An IIN as a request sends it: parsed and checked, or a 400 naming the field. */
public final class IinField {

    private IinField() {
    }

    public static Iin parse(String raw) {
        Iin.Result r = Iin.parse(raw);
        if (!r.isValid()) {
            throw ProblemException.field(ProblemType.VALIDATION, "person.iin", r.problem());
        }
        return r.iin();
    }
}
