package kz.prevention.registry.persons;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.prevention.commons.identity.Iin;
import kz.prevention.commons.problem.Problem;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.registry.config.RegistryConfig;
import kz.prevention.registry.person.BirthDateVariants;
import kz.prevention.registry.person.DuplicateWarning;
import kz.prevention.registry.person.IinField;
import kz.prevention.registry.person.PersonUpdate;
import kz.prevention.registry.person.Person;
import kz.prevention.registry.person.Names;
import kz.prevention.registry.person.PersonInput;

/**
 * Finds or creates the person of a registration: one person per IIN, reused by every later
 * entry; persons without an IIN are created, and linked to look-alikes for review.
 */
@ApplicationScoped
public class PersonService {

    @Inject
    EntityManager em;
    @Inject
    ChangeRecorder changes;
    @Inject
    ReferenceCatalogs catalogs;
    @Inject
    PersonAccess personAccess;
    @Inject
    RegistryConfig config;

    public record Resolution(Person person, boolean reused, List<DuplicateWarning> warnings) {
    }

    /** Inside the registration's transaction. */
    public Resolution resolve(PersonInput in, LocalDate today) {
        checkAddress(in.address());
        if (in.iin() != null) {
            Iin iin = IinField.parse(in.iin());
            List<Problem.FieldError> errors = new ArrayList<>();
            if (in.birthDate() != null && !in.birthDate().equals(iin.birthDate())) {
                errors.add(new Problem.FieldError("person.birthDate", "does not match the IIN (" + iin.birthDate() + ")"));
            }
            if (in.sex() != null && !in.sex().equals(iin.sex().name())) {
                errors.add(new Problem.FieldError("person.sex", "does not match the IIN (" + iin.sex() + ")"));
            }
            if (iin.birthDate().isAfter(today)) {
                errors.add(new Problem.FieldError("person.iin", "encodes a birth date in the future"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "the person's data contradicts the IIN", errors);
            }
            return Person.byIin(iin.value()).map(p -> new Resolution(requireSameNames(p, in), true, List.of()))
                    .orElseGet(() -> new Resolution(create(in, iin.birthDate(), iin.sex().name()), false, List.of()));
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        if (in.birthDate() == null) {
            missing.add(new Problem.FieldError("person.birthDate", "required when there is no IIN"));
        }
        if (in.sex() == null) {
            missing.add(new Problem.FieldError("person.sex", "required when there is no IIN"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "a person without an IIN needs birth date and sex", missing);
        }
        if (in.birthDate().isAfter(today) || in.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
            throw ProblemException.field(ProblemType.VALIDATION, "person.birthDate", "must be between 1900-01-01 and today");
        }
        Person created = create(in, in.birthDate(), in.sex());
        return new Resolution(created, false, linkLookAlikes(created, today));
    }

    /**
     * A known IIN is reused only when the names sent are the person's: a mistyped but valid IIN
     * must not attach an entry to a stranger. The refusal names the fields, never the stored values
     * (the caller may not be allowed to see that person).
     */
    private static Person requireSameNames(Person p, PersonInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!sameName(p.lastName, in.lastName())) {
            errors.add(new Problem.FieldError("person.lastName", "does not match the person this IIN belongs to"));
        }
        if (!sameName(p.firstName, in.firstName())) {
            errors.add(new Problem.FieldError("person.firstName", "does not match the person this IIN belongs to"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "the IIN belongs to a person with other names: check the IIN and the names", errors);
        }
        return p;
    }

    /** Case, surrounding blanks and ё/е do not make two names different. */
    static boolean sameName(String stored, String sent) {
        if (stored == null || sent == null) {
            return stored == sent;
        }
        return fold(stored).equals(fold(sent));
    }

    private static String fold(String name) {
        return java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC)
                .toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
    }

    private Person create(PersonInput in, LocalDate birthDate, String sex) {
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.iin = in.iin();
        p.lastName = in.lastName().strip();
        p.firstName = in.firstName().strip();
        p.middleName = in.middleName() == null ? null : in.middleName().strip();
        p.lastNameLatin = in.lastNameLatin();
        p.firstNameLatin = in.firstNameLatin();
        p.birthDate = birthDate;
        p.sex = sex;
        p.citizenship = in.citizenship();
        if (in.identityDocument() != null) {
            p.docType = in.identityDocument().type();
            p.docNumber = in.identityDocument().number();
            p.docIssuedOn = in.identityDocument().issuedOn();
            p.docIssuer = in.identityDocument().issuer();
        }
        if (in.address() != null) {
            p.address = in.address().text();
            p.addressKato = in.address().kato();
        }
        p.nameKey = Names.key(p.lastName, p.firstName, p.middleName);
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        p.persist();
        changes.record(p, "REGISTERED", Changes.creation().note("hasIin", p.iin != null),
                new RegistryEvents.PersonRegistered(p.id, p.sex, p.birthDate.getYear()));
        return p;
    }

    /**
     * Links look-alikes for review (whoever may see both resolves them) and warns the caller — by
     * id only about persons the caller may already see. Those kept by other territories, or minors
     * hidden from the caller, are summed up in one warning without ids, so a registration never
     * reveals that a record outside the caller's scope exists. A look-alike has a similar name (a
     * swapped first and last name included) and the same birth date or one a digit apart
     * ({@link BirthDateVariants}): the candidates come from the birth-date index, the names are
     * compared here.
     */
    private List<DuplicateWarning> linkLookAlikes(Person created, LocalDate today) {
        Set<LocalDate> dates = new HashSet<>(BirthDateVariants.of(created.birthDate));
        dates.add(created.birthDate);
        List<Person> candidates = Person.list("birthDate in ?1 and id <> ?2 and mergedInto is null", dates, created.id);
        List<DuplicateWarning> warnings = new ArrayList<>();
        boolean hidden = false;
        for (Person other : candidates) {
            double similarity = Names.similarity(created.nameKey, other.nameKey);
            if (similarity >= config.duplicateSimilarity()) {
                double rounded = Math.round(similarity * 1000) / 1000.0;
                em.createNativeQuery("INSERT INTO person_possible_duplicate (person_id, candidate_id, similarity, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, created.id).setParameter(2, other.id).setParameter(3, rounded)
                        .setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
                if (personAccess.visibleEntries(other, today).isEmpty()) {
                    hidden = true;
                } else {
                    warnings.add(new DuplicateWarning(other.id, rounded, (other.birthDate.equals(created.birthDate)
                            ? "same birth date" : "a birth date a digit apart (or day and month swapped)")
                            + " and a similar name: possibly the same person; linked for review"));
                }
            }
        }
        if (hidden) {
            warnings.add(new DuplicateWarning(null, null, "a similar record may exist outside your scope; it is linked"
                    + " for review by the keeping body — ask them before acting on this person"));
        }
        return warnings;
    }

    /**
     * Applies a correction of the person's record — the one path for a PATCH and for a registration
     * that sends a new address: each changed field before and after in the person's history, the
     * audit row and {@code person.updated} (field names only), the version (ETag) bumped. Fields
     * left out, or sent as they are, change nothing. Inside the caller's transaction, after its
     * access check.
     */
    public void update(Person p, PersonUpdate u) {
        checkAddress(u.address());
        Changes c = new Changes();
        if (u.lastNameLatin() != null) {
            p.lastNameLatin = c.set("lastNameLatin", p.lastNameLatin, u.lastNameLatin());
        }
        if (u.firstNameLatin() != null) {
            p.firstNameLatin = c.set("firstNameLatin", p.firstNameLatin, u.firstNameLatin());
        }
        if (u.citizenship() != null) {
            p.citizenship = c.set("citizenship", p.citizenship, u.citizenship());
        }
        if (u.identityDocument() != null) {
            p.docType = c.set("identityDocument.type", p.docType, u.identityDocument().type());
            p.docNumber = c.set("identityDocument.number", p.docNumber, u.identityDocument().number());
            p.docIssuedOn = c.set("identityDocument.issuedOn", p.docIssuedOn, u.identityDocument().issuedOn());
            p.docIssuer = c.set("identityDocument.issuer", p.docIssuer, u.identityDocument().issuer());
        }
        if (u.address() != null) {
            p.address = c.set("address.text", p.address, u.address().text());
            p.addressKato = c.set("address.kato", p.addressKato, u.address().kato());
        }
        record(p, "UPDATED", c);
    }

    /**
     * A person registered without an IIN gets one (no other person holds it): the same path as a PATCH —
     * before and after in the history, the audit row, {@code person.updated} naming the field. The
     * caller checked access and that the IIN agrees with the birth date and sex on record; a person
     * given the same IIN at the same moment breaks the unique index, answered 409.
     */
    public void identify(Person p, String iin) {
        Changes c = new Changes();
        p.iin = c.set("iin", p.iin, iin);
        record(p, "IIN_SET", c);
    }

    private void record(Person p, String action, Changes c) {
        if (!c.isEmpty()) {
            p.updatedAt = Instant.now();
            changes.record(p, action, c, new RegistryEvents.PersonUpdated(p.id, c.names()));
            em.flush();
        }
    }

    /**
     * A registration that reuses a person by IIN and sends an address other than the stored one
     * updates it as a PATCH would (issue 10: nothing sent is silently dropped) — when the caller may
     * change the person by the PATCH's rule, i.e. keeps an active entry of theirs. Called once the
     * new entry exists, so a body registering a person who moved into its territory records the move.
     */
    public void takeNewAddress(Person p, PersonInput in, LocalDate today) {
        if (in == null || in.address() == null) {
            return;
        }
        boolean same = in.address().text().equals(p.address) && in.address().kato().equals(p.addressKato);
        if (!same && personAccess.mayChange(p, today)) {
            update(p, new PersonUpdate(null, null, null, null, in.address()));
        }
    }

    void checkAddress(PersonInput.Address address) {
        if (address != null && catalogs.entry(ReferenceCatalogs.REGIONS, KatoScope.topLevel(address.kato())).isEmpty()) {
            throw ProblemException.field(ProblemType.VALIDATION, "person.address.kato", "not a code of a Kazakhstan region");
        }
    }
}
