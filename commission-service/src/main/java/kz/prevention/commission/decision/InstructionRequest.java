package kz.prevention.commission.decision;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InstructionRequest")
public record InstructionRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") @Schema(description = "code from GET /api/v1/catalogs/subjects",
                example = "EDUCATION") String executingAgency,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") @Schema(description = "with entryId: a code from individual-measures"
                + " the agency may apply; without: a code from general-measure-kinds", example = "PEDAGOGICAL_ESCORT") String measureType,
        @NotBlank @Size(max = 2000) @Schema(example = "Организовать педагогическое сопровождение, ежемесячно информировать комиссию")
        String content,
        @NotNull @Schema(description = "after the session's date", example = "2026-12-31") LocalDate dueDate,
        @Schema(description = "the registry entry concerned; none for a general measure") UUID entryId) {
}
