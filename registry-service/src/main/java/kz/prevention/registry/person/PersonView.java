package kz.prevention.registry.person;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person as the registry shows them. */
@Schema(name = "Person")
public record PersonView(UUID id, String iin, String lastName, String firstName, String middleName, String lastNameLatin,
        String firstNameLatin, LocalDate birthDate, String sex, String citizenship, PersonInput.IdentityDocument identityDocument,
        PersonInput.Address address, long version) {

    public static PersonView of(Person p) {
        return new PersonView(p.id, p.iin, p.lastName, p.firstName, p.middleName, p.lastNameLatin, p.firstNameLatin,
                p.birthDate, p.sex, p.citizenship,
                p.docType == null ? null : new PersonInput.IdentityDocument(p.docType, p.docNumber, p.docIssuedOn, p.docIssuer),
                p.address == null ? null : new PersonInput.Address(p.address, p.addressKato), p.version);
    }
}
