package kz.prevention.registry.lifecycle;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import kz.prevention.registry.entry.GroundingDocument;

/** Extension while the risk remains (Art. 59.9). */
@Schema(name = "ExtendRequest")
public record ExtendRequest(
        @Schema(example = "2027-06-30") @NotNull LocalDate newEndDate,
        @Schema(example = "повторное нарушение особых требований") @NotBlank @Size(max = 1000) String reason,
        @NotNull @Valid GroundingDocument document) {
}
