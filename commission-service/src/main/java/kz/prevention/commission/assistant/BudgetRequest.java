package kz.prevention.commission.assistant;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The year's budget for rewards, as the maslikhat's decision approved it. */
@Schema(name = "AssistantBudgetRequest")
public record BudgetRequest(
        @NotNull @PositiveOrZero @Max(100_000_000_000L) @Schema(description = "tenge") Long amount,
        @NotNull @Valid MaslikhatDecision maslikhatDecision) {

    @Schema(name = "MaslikhatDecision")
    public record MaslikhatDecision(@NotBlank @Size(max = 100) String number, @NotNull LocalDate date) {
    }
}
