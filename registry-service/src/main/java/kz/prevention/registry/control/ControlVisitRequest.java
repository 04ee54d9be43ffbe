package kz.prevention.registry.control;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ControlVisitRequest")
public record ControlVisitRequest(
        @Schema(example = "2026-11-24") @NotNull LocalDate visitDate,
        @Schema(example = "Сапаров А. К.") @NotBlank @Size(max = 200) String officer,
        @Schema(example = "HOME_VISIT", description = "code from GET /api/v1/catalogs/control-forms")
        @NotBlank @Size(max = 64) String form,
        @Schema(example = "Проживает по адресу, нарушений не выявлено") @NotBlank @Size(max = 4000) String result) {
}
