package kz.prevention.commission.session;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ScheduleSessionRequest")
public record ScheduleRequest(@NotNull @Schema(description = "today or later", example = "2026-12-10") LocalDate date,
        @NotBlank @Size(max = 300) @Schema(example = "Акимат Бостандыкского района, зал заседаний, 10:00") String place) {
}
