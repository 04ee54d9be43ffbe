package kz.prevention.commission.decision;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotBlank @Size(max = 10000) @Schema(example = "Принять к сведению информацию; закрепить за несовершеннолетним наставника") String text,
        @NotBlank @Size(max = 1000) @Schema(example = "ст. 79 Закона РК «О профилактике правонарушений»") String legalBasis,
        @NotNull @Size(max = 200) List<@Valid @NotNull InstructionRequest> instructions,
        @Schema(description = "a signed decision of the commission this one corrects") UUID corrects) {
}
