package kz.prevention.measures.measure;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignMeasureRequest")
public record AssignMeasureRequest(
        @Schema(description = "code from GET /api/v1/catalogs/individual-measures (person's plan) or"
                + " /general-measure-kinds (general plan)", example = "PEDAGOGICAL_ESCORT") @NotBlank String type,
        @Schema(description = "code from GET /api/v1/catalogs/subjects; must be allowed to apply the type",
                example = "EDUCATION") @NotBlank String executingAgency,
        @Schema(example = "Жумабаева Г. С., социальный педагог школы-гимназии № 12") @Size(max = 200) String responsiblePerson,
        @Schema(description = "default: today") LocalDate startDate,
        @Schema(description = "default: start + the catalog's default term; required where the catalog has none")
        LocalDate dueDate) {

    public MeasureSpec spec() {
        return new MeasureSpec(type, executingAgency, responsiblePerson, startDate, dueDate, null, null);
    }
}
