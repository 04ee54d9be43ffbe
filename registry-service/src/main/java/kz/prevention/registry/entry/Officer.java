package kz.prevention.registry.entry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The inspector responsible for the entry. */
@Schema(name = "Officer")
public record Officer(
        @Schema(example = "Сапаров А. К.") @NotBlank @Size(max = 200) String name,
        @Schema(example = "капитан полиции") @Size(max = 100) String rank) {
}
