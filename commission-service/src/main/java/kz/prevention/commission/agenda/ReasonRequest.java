package kz.prevention.commission.agenda;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The secretary's answer to a proposed item: the session it goes to (when accepted) and why. */
@Schema(name = "AgendaDecisionRequest")
public record ReasonRequest(@Schema(description = "acceptance only: the session of the same commission") UUID sessionId,
        @NotBlank @Size(max = 1000) @Schema(example = "Материалы полные; рассмотреть на ближайшем заседании") String reason) {
}
