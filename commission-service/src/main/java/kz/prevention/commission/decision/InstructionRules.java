package kz.prevention.commission.decision;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalogs;

/**
 * What an instruction must be for measures-service to turn it into a measure: an agency from the
 * subjects catalog; for a registry entry, an individual measure that agency may apply; otherwise a
 * general measure kind; a deadline after the sitting. Checked when drafted, so a published decision
 * is not rejected downstream for a typo.
 */
@ApplicationScoped
public class InstructionRules {

    @Inject
    ReferenceCatalogs catalogs;

    public void check(List<InstructionRequest> instructions, LocalDate sessionDate) {
        for (int n = 0; n < instructions.size(); n++) {
            InstructionRequest i = instructions.get(n);
            String at = "instructions[" + n + "].";
            catalogs.require(ReferenceCatalogs.SUBJECTS, i.executingAgency(), at + "executingAgency", sessionDate);
            if (i.entryId() != null) {
                CatalogEntry type = catalogs.require(ReferenceCatalogs.INDIVIDUAL_MEASURES, i.measureType(), at + "measureType",
                        sessionDate);
                List<String> appliers = type.list("appliers");
                if (!appliers.isEmpty() && !appliers.contains(i.executingAgency())) {
                    throw ProblemException.field(ProblemType.UNPROCESSABLE, at + "executingAgency", i.executingAgency()
                            + " may not apply " + i.measureType() + " (the law lets " + String.join(", ", appliers) + ")");
                }
            } else {
                catalogs.require(ReferenceCatalogs.GENERAL_MEASURE_KINDS, i.measureType(), at + "measureType", sessionDate);
            }
            if (!i.dueDate().isAfter(sessionDate)) {
                throw ProblemException.field(ProblemType.VALIDATION, at + "dueDate", "must be after the sitting, " + sessionDate);
            }
            if (i.dueDate().isAfter(sessionDate.plusYears(5))) {
                throw ProblemException.field(ProblemType.VALIDATION, at + "dueDate", "must be within five years");
            }
        }
    }
}
