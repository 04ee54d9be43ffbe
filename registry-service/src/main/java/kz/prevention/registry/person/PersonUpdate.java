package kz.prevention.registry.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Corrections of a person's record; fields left out stay as they are. The IIN and birth data do not change here. */
@Schema(name = "PersonUpdate")
public record PersonUpdate(
        @Size(max = 100) @Pattern(regexp = PersonInput.LATIN, message = PersonInput.MSG_LAT) String lastNameLatin,
        @Size(max = 100) @Pattern(regexp = PersonInput.LATIN, message = PersonInput.MSG_LAT) String firstNameLatin,
        @Pattern(regexp = "[A-Z]{3}", message = "an ISO 3166-1 alpha-3 code such as KAZ") String citizenship,
        @Valid PersonInput.IdentityDocument identityDocument,
        @Valid PersonInput.Address address) {
}
