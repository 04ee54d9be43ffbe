package kz.prevention.commission.commission;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The act that approved the commission's membership. */
@Schema(name = "ApprovingAct")
public record ApprovingAct(@NotNull @Schema(example = "MASLIKHAT") ApprovingAuthority authority,
        @NotBlank @Size(max = 50) @Schema(example = "12/145") String number,
        @NotNull @Schema(example = "2026-02-14") LocalDate date) {
}
