package kz.prevention.registry.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the decision endpoints. */
public final class Decision {

    private Decision() {
    }

    @Schema(name = "ApprovalGrant", description = "An approval, with an optional note kept in the history")
    public record Grant(@Schema(example = "согласовано") @Size(max = 1000) String note) {
    }

    @Schema(name = "ApprovalRejection", description = "A rejection; the reason is required and kept in the history")
    public record Rejection(
            @Schema(example = "характеристика с места работы не приложена") @NotBlank @Size(max = 1000) String reason) {
    }
}
