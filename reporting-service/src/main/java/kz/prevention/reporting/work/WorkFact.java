package kz.prevention.reporting.work;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One fact an officer's figure is built from: which indicator it counts in, the entry (the
 * registry's id; reporting holds no names or IINs), the day it counts on, when it was due and
 * whether it was on time, and for a missed deadline its code.
 */
@Schema(name = "WorkFact")
public record WorkFact(
        @Schema(example = "WORK_CONTROL_VISITS_LATE") String indicator,
        @Schema(description = "the registry entry (for a unit's measure: the measure)") UUID id,
        @Schema(description = "the day it counts on: the visit, the due date missed, the period's end for the caseload")
        LocalDate date,
        @Schema(nullable = true) LocalDate dueDate,
        @Schema(nullable = true) Boolean onTime,
        @Schema(description = "the Order 163 deadline's code (order-163-deadlines), or the measure code of a missed"
                + " control", nullable = true, example = "CONTROL_PLAN") String code,
        @Schema(description = "the unit holding the entry on that day", example = "POLICE-751000000") String unit) {
}
