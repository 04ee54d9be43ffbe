package kz.prevention.registry.lifecycle;

import kz.prevention.persistence.history.Changes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.monitoring.RegistrationDeadlines;
import kz.prevention.registry.person.Person;
import kz.prevention.registry.persons.PersonService;
import kz.prevention.registry.entry.OfficerAssignments;
import kz.prevention.registry.entry.ControlFrequency;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.registry.entry.ControlRules;
import kz.prevention.registry.entry.EntryView;
import kz.prevention.registry.entry.EntryRules;

/** Puts a person on the preventive registry (Art. 59; Order 163). */
@ApplicationScoped
public class EntryRegistration {

    @Inject
    EntityManager em;
    @Inject
    ReferenceCatalogs catalogs;
    @Inject
    PersonService persons;
    @Inject
    RegistryAccess access;
    @Inject
    kz.prevention.registry.persons.PersonAccess personAccess;
    @Inject
    EntryRules rules;
    @Inject
    ControlRules controls;
    @Inject
    ChangeRecorder changes;
    @Inject
    RegistrationDeadlines registrationDeadlines;
    @Inject
    OfficerAssignments officers;

    @Transactional(Transactional.TxType.MANDATORY)
    public RegistrationResult register(RegisterEntryRequest r, LocalDate today) {
        if ((r.personId() == null) == (r.person() == null)) {
            throw ProblemException.field(ProblemType.VALIDATION, "person", "send exactly one of personId and person");
        }
        rules.checkRegion("region", r.region());
        access.requireRegisterIn(r.region(), today);
        // The law's lists apply as in force on the entry's start: an amendment dated later leaves it under the old rule.
        LocalDate ruleDay = r.startDate() != null && !r.startDate().isAfter(today) ? r.startDate() : today;
        CatalogEntry category = catalogs.require(ReferenceCatalogs.REGISTRY_CATEGORIES, r.category(), "category", ruleDay);
        String measureCode = r.measure() != null ? r.measure() : category.text("measure").orElseThrow(
                () -> ProblemException.field(ProblemType.VALIDATION, "measure", "required for category " + r.category()));
        CatalogEntry measure = catalogs.require(ReferenceCatalogs.INDIVIDUAL_MEASURES, measureCode, "measure", ruleDay);
        rules.checkDocument("groundingDocument", r.groundingDocument(), today);
        if (r.receivedOn() != null && (r.receivedOn().isBefore(r.groundingDocument().date()) || r.receivedOn().isAfter(today))) {
            throw ProblemException.field(ProblemType.VALIDATION, "receivedOn",
                    "must lie between the grounding document's date and today");
        }
        if (r.riskLevel() != null) {
            catalogs.require(ReferenceCatalogs.RISK_LEVELS, r.riskLevel(), "riskLevel", today);
        }
        if (r.startDate().isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "startDate", "cannot be in the future");
        }
        LocalDate endDate = rules.endDate(measure, r.startDate(), r.measureEndDate(), "measureEndDate");

        PersonService.Resolution resolution = r.person() != null ? persons.resolve(r.person(), today)
                : new PersonService.Resolution(existingPerson(r.personId(), today), true, java.util.List.of());
        Person person = resolution.person();
        String group = category.text("group").orElse("ADULT");
        rules.checkAge(person, group, measure, r.startDate());
        boolean minorRecord = RegistryEntry.MINOR_GROUP.equals(group) || person.isMinorOn(today);
        access.requireRecordKind(minorRecord);
        rules.refuseDuplicate(person, r.category(), today);

        RegistryEntry e = new RegistryEntry();
        e.id = UUID.randomUUID();
        e.caseNumber = caseNumber(r.region(), today);
        e.person = person;
        e.category = r.category();
        e.categoryGroup = group;
        e.docType = r.groundingDocument().type();
        e.docNumber = r.groundingDocument().number();
        e.docDate = r.groundingDocument().date();
        e.docIssuer = r.groundingDocument().issuer();
        e.docReceivedOn = r.receivedOn();
        e.registeringBody = r.registeringBody().strip();
        e.officerName = r.responsibleOfficer().name().strip();
        e.officerRank = r.responsibleOfficer().rank();
        e.officerUserId = r.responsibleOfficer().userId();
        e.region = r.region();
        e.startDate = r.startDate();
        e.measure = measure.code();
        e.categoryRule = catalogs.ruleOf(ReferenceCatalogs.REGISTRY_CATEGORIES, category);
        e.measureRule = catalogs.ruleOf(ReferenceCatalogs.INDIVIDUAL_MEASURES, measure);
        e.measureEndDate = endDate;
        e.riskLevel = r.riskLevel();
        e.status = EntryStatus.ACTIVE;
        e.nextControlDate = controls.nextControl(e);
        e.createdAt = Instant.now();
        e.createdBy = access.actor();
        e.updatedAt = e.createdAt;
        e.persist();
        em.flush();
        if (resolution.reused()) {
            persons.takeNewAddress(person, r.person(), today);
        }

        changes.record(e, "REGISTERED", Changes.creation().note("category", e.category)
                .note("measure", e.measure).note("region", e.region).note("person", resolution.reused() ? "existing" : "new"),
                new RegistryEvents.EntryRegistered(e.id, person.id, e.category, group, minorRecord, e.region, e.measure,
                        e.startDate, e.measureEndDate, person.sex, controls.frequency(e.measure).name()));
        officers.announce(e, OfficerAssignments.Occasion.REGISTERED, today);
        List<RegistrationResult.LateRegistration> late = registrationDeadlines.registered(e,
                controls.frequency(e.measure) == ControlFrequency.BY_RISK_LEVEL, today).stream()
                .map(d -> new RegistrationResult.LateRegistration(d.code, d.dueOn)).toList();
        em.flush();
        RegistrationResult result = new RegistrationResult(EntryView.of(e, today, controls.frequency(e.measure).name(), null),
                resolution.reused(), resolution.warnings(), late.isEmpty() ? null : late.get(0), late);
        return result;
    }

    /**
     * A person registered by id must be one the caller can already see (through an entry in its
     * scope); a person kept elsewhere is answered exactly as a missing one, and the attempt audited.
     */
    private Person existingPerson(UUID id, LocalDate today) {
        Person p = Person.findById(id);
        // A merged person's id still works: the entry goes to the survivor.
        p = p == null ? null : kz.prevention.registry.persons.PersonAccess.survivorOf(p);
        if (p != null && personAccess.visibleEntries(p, today).isEmpty()) {
            access.hiddenPerson(id);
            p = null;
        }
        if (p == null) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "personId",
                    "no person with this id in your scope; to register someone kept by another body, register by their IIN");
        }
        return p;
    }

    /** "75-2026-000042": territory, year, and a number unique across the registry. */
    private String caseNumber(String region, LocalDate today) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('entry_case_number_seq')").getSingleResult()).longValue();
        return region.substring(0, 2) + "-" + today.getYear() + "-" + String.format("%06d", n);
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
