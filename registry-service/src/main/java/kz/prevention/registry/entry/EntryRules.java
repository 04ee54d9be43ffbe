package kz.prevention.registry.entry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.registry.person.Person;

/** The rules an entry's data must follow, from the law and its catalogs. */
@ApplicationScoped
public class EntryRules {

    @Inject
    kz.prevention.registry.access.RegistryAccess access;
    @Inject
    ReferenceCatalogs catalogs;

    public void checkRegion(String field, String code) {
        if (!KatoScope.isCode(code) || KatoScope.REPUBLIC.equals(code)
                || catalogs.entry(ReferenceCatalogs.REGIONS, KatoScope.topLevel(code)).isEmpty()) {
            throw ProblemException.field(ProblemType.VALIDATION, field, "not a KATO code of a Kazakhstan territory");
        }
    }

    public void checkDocument(String field, GroundingDocument d, LocalDate today) {
        catalogs.require(ReferenceCatalogs.GROUNDING_DOCUMENTS, d.type(), field + ".type", today);
        if (d.date().isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, field + ".date", "cannot be in the future");
        }
    }

    /** The measure's end: as given, or start + the measure's default term; never past its maximum term. */
    public LocalDate endDate(CatalogEntry measure, LocalDate start, LocalDate requested, String field) {
        LocalDate end = requested;
        if (end == null) {
            end = measure.number("defaultTermDays").map(start::plusDays).orElse(null);
        }
        if (end == null) {
            return null;
        }
        if (!end.isAfter(start)) {
            throw ProblemException.field(ProblemType.VALIDATION, field, "must be after the start date");
        }
        var max = measure.number("maxTermDays");
        if (max.isPresent() && ChronoUnit.DAYS.between(start, end) > max.get()) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, field,
                    measure.code() + " lasts at most " + max.get() + " days (article " + measure.article() + ")");
        }
        return end;
    }

    /** Minors' categories need a minor; some measures have a minimum age or apply to minors only. */
    public void checkAge(Person person, String group, CatalogEntry measure, LocalDate start) {
        if (start.isBefore(person.birthDate)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "startDate", "is before the person's birth date "
                    + person.birthDate);
        }
        int age = person.ageOn(start);
        if (RegistryEntry.MINOR_GROUP.equals(group) && age >= 18) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "category", "a minors' category, but the person is " + age);
        }
        if (measure.flag("minorsOnly") && age >= 18) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "measure", measure.code() + " applies to minors only");
        }
        var minAge = measure.number("minAge");
        if (minAge.isPresent() && age < minAge.get()) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "measure",
                    measure.code() + " applies from age " + minAge.get() + " (article " + measure.article() + "); the person is " + age);
        }
    }

    /** One active entry per person and category: a second is a conflict, not a new case. */
    /**
     * One active entry per person and category (also a unique index, for registrations racing each
     * other). A conflicting entry the caller may not read is not described: its existence is said,
     * nothing about it.
     */
    public void refuseDuplicate(Person person, String category, LocalDate today) {
        RegistryEntry existing = RegistryEntry.find("person = ?1 and category = ?2 and status = ?3", person, category,
                EntryStatus.ACTIVE).firstResult();
        if (existing == null) {
            return;
        }
        if (access.mayRead(existing, today, null)) {
            throw new ProblemException(ProblemType.CONFLICT, "the person is already on the registry under " + category
                    + " (case " + existing.caseNumber + ", entry " + existing.id + ")");
        }
        throw new ProblemException(ProblemType.CONFLICT, "a conflicting record exists outside your scope;"
                + " ask the keeping body");
    }
}
