package kz.prevention.commission.commission;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberRequest")
public record MemberRequest(@NotBlank @Size(max = 200) @Schema(example = "Сейткали Айгерім Нұрланқызы") String fullName,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+") @Schema(description = "the member's Keycloak"
                + " username (preferred_username in the token)", example = "a.seitkali") String username,
        @NotBlank @Size(max = 50) @Schema(description = "code from GET /api/v1/catalogs/subjects", example = "EDUCATION") String agency,
        @NotBlank @Size(max = 200) @Schema(example = "руководитель отдела образования") String position,
        @NotNull @Schema(example = "MEMBER") MemberRole role,
        @NotNull @Schema(example = "2026-01-01") LocalDate from,
        @Schema(description = "last day of membership; open-ended when absent") LocalDate to) {
}
