package kz.prevention.registry.entry;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The inspector responsible for the entry. {@code userId} is the officer's platform account (the
 * token's {@code sub}): reporting attributes the entry's prevention work to it (issue 12 §6,
 * Law No. 380-IV Art. 1.3-1) — only that opaque id leaves the registry, never the name.
 */
@Schema(name = "Officer")
public record Officer(
        @Schema(example = "Сапаров А. К.") @NotBlank @Size(max = 200) String name,
        @Schema(example = "капитан полиции") @Size(max = 100) String rank,
        @Schema(example = "6f1c2a9e-3b7d-4c55-9a41-2e8f0d7b6c13", description = "the officer's platform account (the"
                + " Keycloak token's sub); optional — without it the entry's work counts for the unit only")
        UUID userId) {
}
