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
        @Schema(description = "BIN of the organisation of executingAgency that carries it out (GET"
                + " /api/v1/catalogs/organisations), serving the plan's territory; required", example = "990540004566")
        @NotBlank String organisation,
        @Schema(description = "what the organisation is to do; shown to it with the person's summary",
                example = "Еженедельные занятия с социальным педагогом; беседа с родителями раз в месяц")
        @Size(max = 2000) String instructions,
        @Schema(example = "Жумабаева Г. С., социальный педагог школы-гимназии № 12") @Size(max = 200) String responsiblePerson,
        @Schema(description = "default: today") LocalDate startDate,
        @Schema(description = "default: start + the catalog's default term; required where the catalog has none")
        LocalDate dueDate) {

    public MeasureSpec spec() {
        return new MeasureSpec(type, executingAgency, organisation, instructions, responsiblePerson, startDate, dueDate,
                null, null);
    }
}
