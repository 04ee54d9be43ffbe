package kz.prevention.measures.measure;

import com.fasterxml.jackson.annotation.JsonIgnore;

import kz.prevention.persistence.read.Audited;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measure as the API shows it; {@code overdue} is true while it is unfinished past its due date. */
@Schema(name = "Measure")
public record MeasureView(UUID id, UUID planId, UUID entryId, @Schema(example = "PEDAGOGICAL_ESCORT") String type,
        @Schema(example = "INDIVIDUAL") String typeKind, Map<String, String> typeNames,
        @Schema(example = "EDUCATION") String executingAgency,
        @Schema(description = "BIN of the organisation carrying it out; absent while no planner has routed it",
                example = "990540004566") String organisation,
        String instructions, String responsiblePerson,
        @Schema(example = "751110000") String region, boolean minor, LocalDate startDate, LocalDate dueDate,
        MeasureStatus status, boolean overdue, LocalDate startedOn, LocalDate completedOn, String result,
        String evidenceRef, String cancelReason, String cancelNote, UUID decisionId, String instructionId,
        @Schema(description = "the catalog version the measure was decided under: <catalog version>/<effective date of "
                + "the rule>; null for measures assigned before it was recorded", example = "2026.11.1/2026-03-02")
        String typeRule, long version,
        @JsonIgnore UUID personId) implements Audited {

    @Override
    public String auditType() {
        return "measure";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    public static MeasureView of(Measure m, Map<String, String> typeNames, LocalDate today) {
        return new MeasureView(m.id, m.plan.id, m.plan.entryId, m.type, m.typeKind, typeNames, m.executingAgency,
                m.organisation, m.instructions, m.responsiblePerson, m.region, m.minor, m.startDate, m.dueDate, m.status, m.isOverdue(today), m.startedOn,
                m.completedOn, m.result, m.evidenceRef, m.cancelReason, m.cancelNote, m.decisionId, m.instructionId,
                m.typeRule, m.version, m.plan.personId);
    }
}
