package kz.prevention.registry.entry;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new entry, whether an existing person record was reused, and any possible duplicates. */
@Schema(name = "RegistrationResult")
public record RegistrationResult(EntryView entry, boolean personReused, List<DuplicateWarning> warnings) {

    @Schema(name = "DuplicateWarning", description = "a person with the same birth date and a similar name: "
            + "linked for review, not blocked")
    public record DuplicateWarning(UUID candidatePersonId, double similarity, String message) {
    }
}
