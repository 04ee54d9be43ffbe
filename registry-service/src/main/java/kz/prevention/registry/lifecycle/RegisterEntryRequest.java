package kz.prevention.registry.lifecycle;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.registry.person.PersonInput;
import kz.prevention.registry.entry.GroundingDocument;
import kz.prevention.registry.entry.Officer;

/** Putting a person on the registry: either {@code personId} of a known person or {@code person}. */
@Schema(name = "RegisterEntryRequest")
public record RegisterEntryRequest(
        @Schema(description = "a person already on record; exclusive with person") UUID personId,
        @Schema(description = "the person, found by IIN or created; exclusive with personId") @Valid PersonInput person,
        @Schema(example = "PROTECTIVE_ORDER", description = "code from GET /api/v1/catalogs/registry-categories")
        @NotBlank @Size(max = 64) String category,
        @NotNull @Valid GroundingDocument groundingDocument,
        @Schema(example = "2026-11-21", description = "the day the grounding document (a court ruling) reached the"
                + " registering body; Order 163 counts the registration of special requirements (3 calendar days) from it."
                + " Defaults to the document's date; not before it, not in the future")
        LocalDate receivedOn,
        @Schema(example = "УП Бостандыкского района ДП г. Алматы") @NotBlank @Size(max = 300) String registeringBody,
        @NotNull @Valid Officer responsibleOfficer,
        @Schema(example = "751110000", description = "KATO code of the territory keeping the entry")
        @NotNull @Pattern(regexp = "[0-9]{9}", message = "a 9-digit KATO code") String region,
        @Schema(example = "2026-11-20") @NotNull LocalDate startDate,
        @Schema(example = "PROTECTIVE_ORDER", description = "individual measure the entry rests on; defaults to the category's")
        @Size(max = 64) String measure,
        @Schema(example = "2026-12-20", description = "defaults to start + the measure's default term") LocalDate measureEndDate,
        @Schema(example = "HIGH", description = "for administrative supervision: code from /api/v1/catalogs/risk-levels")
        @Size(max = 16) String riskLevel) {
}
