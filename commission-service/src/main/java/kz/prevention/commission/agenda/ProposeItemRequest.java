package kz.prevention.commission.agenda;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item the secretary puts forward; with a session it goes straight onto that session's agenda. */
@Schema(name = "ProposeItemRequest")
public record ProposeItemRequest(@NotBlank @Schema(description = "code from GET /api/v1/agenda-item-kinds", example = "AGENCY_HEAD_REPORT") String kind,
        @NotBlank @Size(max = 500) @Schema(example = "Отчёт начальника отдела образования о занятости несовершеннолетних") String title,
        @Schema(description = "the registry entry concerned, if any") UUID entryId,
        @Schema(description = "a scheduled session of the same commission") UUID sessionId) {
}
