package kz.prevention.measures.measure;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompletionRequest")
public record CompletionRequest(
        @Schema(example = "Проведено 8 занятий с педагогом-психологом; посещаемость восстановлена")
        @NotBlank @Size(max = 4000) String result,
        @Schema(description = "where the evidence is kept: document number, file reference",
                example = "Протокол совета профилактики № 14 от 20.11.2026") @NotBlank @Size(max = 500) String evidenceRef,
        @Schema(description = "default: today") LocalDate completedOn) {
}
