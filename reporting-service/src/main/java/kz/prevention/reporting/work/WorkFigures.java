package kz.prevention.reporting.work;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The objective prevention-work indicators of an officer or a unit over a period (issue 12 §6; the
 * catalog's internal section {@code OFFICERS_AND_UNITS}). Counts as they are: these figures are
 * internal, never published, so small counts are not suppressed. The measures' figures are the
 * unit's only (null for an officer): measures are executed by the agencies' staff and the events
 * name the executing agency, not a person.
 */
@Schema(name = "WorkFigures")
public record WorkFigures(
        @Schema(description = "control visits made by their due date (WORK_CONTROL_VISITS_ON_TIME)", example = "12")
        long controlVisitsOnTime,
        @Schema(description = "control visits made after their due date (WORK_CONTROL_VISITS_LATE)", example = "1")
        long controlVisitsLate,
        @Schema(description = "control visits the rhythm called for and not made by the due date"
                + " (WORK_CONTROL_DEADLINES_MISSED)", example = "0")
        long controlDeadlinesMissed,
        @Schema(description = "other Order 163 deadlines missed: data entry, control plan, transfer file, reviews ..."
                + " (WORK_ORDER_163_DEADLINES_MISSED)", example = "0")
        long order163DeadlinesMissed,
        @Schema(description = "entries on the registry held on the period's last day (WORK_CASELOAD_AT_END)", example = "17")
        long caseloadAtEnd,
        @Schema(description = "the unit's measures completed in the period by their due date; null for an officer"
                + " (WORK_MEASURES_DONE_ON_TIME)", example = "8", nullable = true)
        Long measuresDoneOnTime,
        @Schema(description = "the unit's measures completed in the period after their due date; null for an officer"
                + " (WORK_MEASURES_DONE_LATE)", example = "2", nullable = true)
        Long measuresDoneLate) {

    static WorkFigures of(Map<String, Long> counts, boolean withMeasures) {
        return new WorkFigures(counts.getOrDefault(WorkIndicators.CONTROL_VISITS_ON_TIME, 0L),
                counts.getOrDefault(WorkIndicators.CONTROL_VISITS_LATE, 0L),
                counts.getOrDefault(WorkIndicators.CONTROL_DEADLINES_MISSED, 0L),
                counts.getOrDefault(WorkIndicators.ORDER_163_DEADLINES_MISSED, 0L),
                counts.getOrDefault(WorkIndicators.CASELOAD_AT_END, 0L),
                withMeasures ? counts.getOrDefault(WorkIndicators.MEASURES_DONE_ON_TIME, 0L) : null,
                withMeasures ? counts.getOrDefault(WorkIndicators.MEASURES_DONE_LATE, 0L) : null);
    }
}
