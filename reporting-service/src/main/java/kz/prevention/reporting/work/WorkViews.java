package kz.prevention.reporting.work;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import kz.prevention.persistence.read.Audited;

/**
 * The answers of the work-indicators endpoints. No names anywhere: officers are their account ids.
 * Each answer is {@link Audited}: the read filter writes its READ row (whose figures, over which
 * period) before it leaves.
 */
public final class WorkViews {

    private WorkViews() {
    }

    /** A work-indicators answer: audited under the endpoints' type, about no registered person. */
    interface Read extends Audited {

        @Override
        default String auditType() {
            return WorkIndicatorsResource.AUDIT_TYPE;
        }

        @Override
        default UUID auditPersonId() {
            return null;
        }
    }

    @Schema(name = "OfficerIndicators", description = "the caller's own figures over the period, and the units whose"
            + " entries they held in it")
    public record OfficerIndicators(UUID officerId, LocalDate from, LocalDate to, WorkFigures indicators,
            @Schema(description = "the units (agency-district) whose entries the caller held in the period") List<String> units)
            implements Read {

        @Override
        public String auditId() {
            return "officer/" + officerId;
        }

        @Override
        public String auditDetails() {
            return "own indicators " + new WorkPeriod(from, to);
        }
    }

    @Schema(name = "OfficerFacts", description = "what the caller's figures are built from, one row per counted fact")
    public record OfficerFacts(UUID officerId, LocalDate from, LocalDate to,
            @Schema(nullable = true, example = "WORK_CONTROL_VISITS_LATE") String indicator, List<WorkFact> facts)
            implements Read {

        @Override
        public String auditId() {
            return "officer/" + officerId;
        }

        @Override
        public String auditDetails() {
            return "own facts " + (indicator == null ? "all" : indicator) + " " + new WorkPeriod(from, to);
        }
    }

    @Schema(name = "UnitIndicators")
    public record UnitIndicators(@Schema(example = "POLICE-751000000") String unit,
            @Schema(example = "POLICE") String agency, @Schema(example = "751000000") String district,
            WorkFigures indicators) {
    }

    /** {@code agency}: the head's, which the audit row names; not in the answer (the units carry theirs). */
    @Schema(name = "UnitIndicatorList", description = "the head's units (its agency, within the unit it heads) that had"
            + " work in the period")
    public record UnitIndicatorList(@Schema(example = "750000000") String region, LocalDate from, LocalDate to,
            List<UnitIndicators> units, @JsonIgnore String agency) implements Read {

        @Override
        public String auditId() {
            return "units/" + agency + "/" + region;
        }

        @Override
        public String auditDetails() {
            return "units' indicators " + new WorkPeriod(from, to);
        }
    }

    @Schema(name = "OfficerRow")
    public record OfficerRow(UUID officerId, WorkFigures indicators) {
    }

    @Schema(name = "UnitOfficers", description = "a unit's figures, its officers' and the work of entries held without"
            + " a named account (unattributed)")
    public record UnitOfficers(@Schema(example = "POLICE-751000000") String unit, LocalDate from, LocalDate to,
            WorkFigures indicators, List<OfficerRow> officers, WorkFigures unattributed) implements Read {

        @Override
        public String auditId() {
            return "unit/" + unit;
        }

        @Override
        public String auditDetails() {
            return "unit's officers' indicators " + new WorkPeriod(from, to);
        }
    }
}
