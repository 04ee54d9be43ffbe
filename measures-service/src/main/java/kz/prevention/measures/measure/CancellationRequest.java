package kz.prevention.measures.measure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationRequest")
public record CancellationRequest(
        @Schema(example = "Мера заменена решением комиссии") @NotBlank @Size(max = 1000) String note) {
}
