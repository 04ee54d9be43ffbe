package kz.prevention.commission.commission;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.commission.rules.MajorityBase;

/** A commission's own voting rules, as its regulation says (the defaults: GET /api/v1/commissions/rules-defaults). */
@Schema(name = "CommissionRules")
public record RulesRequest(@NotNull @Min(1) @Max(100) @Schema(example = "2") Integer quorumNumerator,
        @NotNull @Min(1) @Max(100) @Schema(example = "3") Integer quorumDenominator,
        @NotNull @Schema(example = "PRESENT") MajorityBase majorityBase,
        @NotNull @Schema(example = "true") Boolean chairCastingVote,
        @NotNull @Min(1) @Max(24) @Schema(example = "3") Integer regularPeriodMonths) {
}
