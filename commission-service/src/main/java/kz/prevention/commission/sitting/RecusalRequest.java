package kz.prevention.commission.sitting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecusalRequest")
public record RecusalRequest(@NotBlank @Size(max = 1000) @Schema(example = "родственник заявителя") String reason) {
}
