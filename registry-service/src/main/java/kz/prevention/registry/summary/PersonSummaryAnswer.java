package kz.prevention.registry.summary;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.persistence.read.Audited;

/**
 * What an executing organisation may know of the person it works with: the name and the age in
 * whole years — never the birth date, the IIN, the address, the category or the case. The person's
 * id and the organisation are kept for the audit row only (the JSON never carries them back).
 */
@Schema(name = "PersonSummary")
public record PersonSummaryAnswer(
        @Schema(description = "last, first and middle name as registered", example = "Сейткали Арман Болатович") String name,
        @Schema(description = "age in whole years today", example = "15") int age,
        @JsonIgnore @Schema(hidden = true) UUID personId,
        @JsonIgnore @Schema(hidden = true) String organisation) implements Audited {

    @Override
    public String auditType() {
        return "person-summary";
    }

    @Override
    public String auditId() {
        return personId.toString();
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
