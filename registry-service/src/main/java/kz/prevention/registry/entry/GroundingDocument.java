package kz.prevention.registry.entry;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The document a decision rests on: court ruling, protective order, warning, ... */
@Schema(name = "GroundingDocument")
public record GroundingDocument(
        @Schema(example = "PROTECTIVE_ORDER", description = "code from GET /api/v1/catalogs/grounding-document-types")
        @NotBlank @Size(max = 64) String type,
        @Schema(example = "ЗП-2026/0451") @NotBlank @Size(max = 100) String number,
        @Schema(example = "2026-11-20") @NotNull LocalDate date,
        @Schema(example = "УП Бостандыкского района ДП г. Алматы") @NotBlank @Size(max = 300) String issuer) {
}
