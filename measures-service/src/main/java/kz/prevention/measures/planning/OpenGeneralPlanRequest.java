package kz.prevention.measures.planning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A territory's plan that is not about one person, e.g. a district's programme against domestic violence. */
@Schema(name = "OpenGeneralPlanRequest")
public record OpenGeneralPlanRequest(
        @Schema(description = "code from GET /api/v1/catalogs/general-measure-kinds", example = "DOMESTIC_VIOLENCE")
        @NotBlank String generalKind,
        @Schema(example = "Программа профилактики бытового насилия, Бостандыкский район, 2027")
        @NotBlank @Size(max = 300) String title,
        @Schema(description = "KATO code of the territory", example = "751110000")
        @NotBlank @Pattern(regexp = "[0-9]{9}", message = "a 9-digit KATO code") String region) {
}
