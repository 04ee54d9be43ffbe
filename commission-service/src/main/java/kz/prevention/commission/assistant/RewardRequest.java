package kz.prevention.commission.assistant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reward the akimat proposes for a registered public assistant (Art. 47). */
@Schema(name = "PublicAssistantRewardRequest")
public record RewardRequest(
        @NotNull @Positive @Max(1_000_000_000L) @Schema(description = "tenge") Long amount,
        @NotBlank @Size(max = 1000) String reason) {
}
