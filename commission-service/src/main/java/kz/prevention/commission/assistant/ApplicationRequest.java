package kz.prevention.commission.assistant;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's application, filed by a law-enforcement officer with the checks the officer made. */
@Schema(name = "PublicAssistantApplication")
public record ApplicationRequest(
        @NotBlank @Pattern(regexp = "[0-9]{12}", message = "12 digits") String iin,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Size(max = 100) String firstName,
        @Size(max = 100) String middleName,
        @NotBlank @Pattern(regexp = "[0-9]{9}", message = "a 9-digit KATO code")
        @Schema(description = "the applicant's address; its district's akimat registers") String addressKato,
        @Schema(description = "the day the citizen applied to the law-enforcement body (default today; not in the future)")
        LocalDate appliedOn,
        @NotNull @Valid Declarations declarations) {

    /** What the officer checked and declares: each true when the check found nothing against the citizen. */
    @Schema(name = "PublicAssistantDeclarations")
    public record Declarations(@NotNull Boolean notUnderInvestigation, @NotNull Boolean noIntentionalOffencePenaltyWithinYear,
            @NotNull Boolean notOnDrugRegister, @NotNull Boolean notOnPsychiatricRegister) {

        Eligibility.Declared declared() {
            return new Eligibility.Declared(notUnderInvestigation, noIntentionalOffencePenaltyWithinYear, notOnDrugRegister,
                    notOnPsychiatricRegister);
        }
    }
}
