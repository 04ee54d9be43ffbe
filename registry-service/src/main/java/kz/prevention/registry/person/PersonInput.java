package kz.prevention.registry.person;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person as a registering officer describes them. With an IIN, birth date and sex come from
 * it (if also sent they must agree); without one (foreigners, the unidentified) they are required.
 */
@Schema(name = "PersonInput")
public record PersonInput(
        @Schema(example = "900101300017", description = "12-digit IIN; omit for persons without one")
        @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String iin,
        @Schema(example = "Ахметов") @NotBlank @Size(max = 100) @Pattern(regexp = CYRILLIC, message = MSG_CYR) String lastName,
        @Schema(example = "Данияр") @NotBlank @Size(max = 100) @Pattern(regexp = CYRILLIC, message = MSG_CYR) String firstName,
        @Schema(example = "Серикович") @Size(max = 100) @Pattern(regexp = CYRILLIC, message = MSG_CYR) String middleName,
        @Schema(example = "AKHMETOV") @Size(max = 100) @Pattern(regexp = LATIN, message = MSG_LAT) String lastNameLatin,
        @Schema(example = "DANIYAR") @Size(max = 100) @Pattern(regexp = LATIN, message = MSG_LAT) String firstNameLatin,
        @Schema(example = "1990-01-01") LocalDate birthDate,
        @Schema(example = "M", enumeration = {"M", "F"}) @Pattern(regexp = "[MF]", message = "M or F") String sex,
        @Schema(example = "KAZ", description = "ISO 3166-1 alpha-3") @NotNull @Pattern(regexp = "[A-Z]{3}",
                message = "an ISO 3166-1 alpha-3 code such as KAZ") String citizenship,
        @Valid IdentityDocument identityDocument,
        @Valid Address address) {

    // Explicit ranges (Cyrillic and Cyrillic Supplement, Kazakh letters included) rather than
    // \p{IsCyrillic}: the pattern is also published in the OpenAPI document, where it must be an
    // ECMA-262 regular expression that every client generator and validator understands.
    static final String CYRILLIC = "[\\u0400-\\u052F][\\u0400-\\u052F' .-]*";
    static final String LATIN = "[A-Za-z][A-Za-z' .-]*";
    static final String MSG_CYR = "Cyrillic letters, spaces, hyphens and apostrophes only";
    static final String MSG_LAT = "Latin letters, spaces, hyphens and apostrophes only";

    @Schema(name = "IdentityDocument")
    public record IdentityDocument(
            @Schema(example = "ID_CARD") @NotBlank @Size(max = 50) String type,
            @Schema(example = "045678912") @NotBlank @Size(max = 50) String number,
            LocalDate issuedOn,
            @Size(max = 200) String issuer) {
    }

    @Schema(name = "Address")
    public record Address(
            @Schema(example = "г. Алматы, ул. Абая, 10, кв. 5") @NotBlank @Size(max = 500) String text,
            @Schema(example = "751110000") @NotNull @Pattern(regexp = "[0-9]{9}", message = "a 9-digit KATO code") String kato) {
    }
}
