package kz.prevention.registry.check;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.persistence.read.Audited;

/**
 * The narrow answer another system gets: on the registry or not, in which category groups, since
 * when. Never a name, an id, a territory or a case number; the person's id is kept only for the
 * audit row (the read filter writes it, the JSON never carries it).
 */
@Schema(name = "RegistryCheckAnswer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryCheckAnswer(
        @Schema(description = "whether the IIN has an active entry") boolean onRegistry,
        @Schema(description = "the category groups (registry-categories catalog) of the active entries, sorted;"
                + " absent when not on the registry", example = "[\"ADULT\"]") List<String> groups,
        @Schema(description = "the earliest start date of the active entries; absent when not on the registry")
        LocalDate since,
        @JsonIgnore @Schema(hidden = true) UUID personId) implements Audited {

    static RegistryCheckAnswer notOnRegistry(UUID personId) {
        return new RegistryCheckAnswer(false, null, null, personId);
    }

    @Override
    public String auditType() {
        return "registry-check";
    }

    @Override
    public String auditId() {
        return personId == null ? null : personId.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }
}
