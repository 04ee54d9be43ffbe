package kz.prevention.commission.commission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateCommissionRequest")
public record CreateCommissionRequest(@NotNull @Schema(example = "MINORS_AFFAIRS") CommissionKind kind,
        @NotNull @Schema(example = "DISTRICT") CommissionLevel level,
        @NotNull @Pattern(regexp = "[0-9]{9}") @Schema(description = "KATO code of the territory; its level must fit the"
                + " commission's level", example = "751110000") String territory,
        @NotBlank @Size(max = 300) @Schema(example = "Комиссия по делам несовершеннолетних и защите их прав акимата"
                + " Бостандыкского района") String name,
        @NotNull @Valid ApprovingAct approvingAct,
        @Valid @Schema(description = "default: the platform's dated defaults") RulesRequest rules) {
}
