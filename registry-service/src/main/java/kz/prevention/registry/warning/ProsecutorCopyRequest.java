package kz.prevention.registry.warning;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The official warning's copy as sent to the prosecutor: when, and under which outgoing number. */
@Schema(name = "ProsecutorCopyRequest")
public record ProsecutorCopyRequest(
        @Schema(example = "2026-11-21", description = "the day the copy was sent; not before the warning, not in the future")
        @NotNull LocalDate sentOn,
        @Schema(example = "исх. 12-3/4567") @NotBlank @Size(max = 100) String outgoingNumber) {
}
