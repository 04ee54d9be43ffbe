package kz.prevention.registry.person;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A look-alike found when a person is registered: with its id and similarity when the caller may see it, else neither. */
@Schema(name = "DuplicateWarning", description = "a person with the same birth date and a similar name: "
        + "linked for review, not blocked")
public record DuplicateWarning(UUID candidatePersonId, Double similarity, String message) {
}
