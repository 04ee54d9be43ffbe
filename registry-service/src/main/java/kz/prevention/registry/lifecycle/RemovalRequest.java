package kz.prevention.registry.lifecycle;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import kz.prevention.registry.entry.GroundingDocument;

/** Removal from the registry on one of the grounds of Art. 59.8. */
@Schema(name = "RemovalRequest")
public record RemovalRequest(
        @Schema(example = "TERM_ENDED", description = "code from GET /api/v1/catalogs/removal-reasons")
        @NotBlank @Size(max = 64) String reason,
        @Schema(example = "2026-12-21") @NotNull LocalDate removalDate,
        @NotNull @Valid GroundingDocument document) {
}
