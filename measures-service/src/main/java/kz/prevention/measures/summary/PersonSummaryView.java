package kz.prevention.measures.summary;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.measures.measure.Measure;
import kz.prevention.persistence.read.Audited;

/**
 * The minimal summary an executing organisation gets of the person it works with (issue 10): the
 * name, the age in whole years (never the birth date), what to do and by when. Nothing about the
 * registry entry, its category or the rest of the plan.
 */
@Schema(name = "PersonSummary")
public record PersonSummaryView(UUID measureId, @Schema(example = "Сейткали Арман Болатович") String name,
        @Schema(description = "whole years today", example = "15") int age,
        @Schema(example = "PEDAGOGICAL_ESCORT") String measureType, Map<String, String> measureTypeNames,
        String instructions, LocalDate startDate, LocalDate dueDate,
        @Schema(example = "990540004566") String organisation, @JsonIgnore UUID personId) implements Audited {

    static PersonSummaryView of(Measure m, Map<String, String> typeNames, PersonSummaryClient.Answer person) {
        return new PersonSummaryView(m.id, person.name(), person.age(), m.type, typeNames, m.instructions, m.startDate,
                m.dueDate, m.organisation, m.plan.personId);
    }

    @Override
    public String auditType() {
        return "measure-person-summary";
    }

    @Override
    public String auditId() {
        return measureId.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    @Override
    public String auditDetails() {
        return "for organisation " + organisation;
    }
}
