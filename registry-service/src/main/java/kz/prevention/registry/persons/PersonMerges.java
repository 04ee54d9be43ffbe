package kz.prevention.registry.persons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kz.prevention.commons.access.Denials;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.identity.Iin;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.person.IdentifyRequest;
import kz.prevention.registry.person.Person;

/**
 * When a person registered without an IIN gets one (issue 10): the IIN is set on them when no person
 * holds it, else they are merged into the person who does — their entries move to the survivor, and
 * their row stays as a tombstone pointing to it. The caller must read and change both (a body keeping
 * an active entry of each); a holder outside the caller's scope is a 409 that names nothing. The person
 * without an IIN is locked first, then the holder (a person without an IIN is never a holder, so two
 * merges never wait on each other in a circle); of identical requests at once one applies, the others
 * get 412 (stale If-Match) or 409 (already merged).
 */
@ApplicationScoped
public class PersonMerges {

    @Inject
    EntityManager em;
    @Inject
    PersonAccess personAccess;
    @Inject
    RegistryAccess access;
    @Inject
    PersonService persons;
    @Inject
    ChangeRecorder changes;
    @Inject
    Denials denials;

    /** The person who now carries the IIN, and whether a merge made it so. */
    public record Outcome(Person person, boolean merged) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome identify(UUID id, String ifMatch, IdentifyRequest r, LocalDate today) {
        Person p = lockedForChange(id, today);
        ETags.requireMatch(ifMatch, p.version);
        if (p.iin != null) {
            throw new ProblemException(ProblemType.CONFLICT, "this person has an IIN already; only a person registered"
                    + " without one is identified or merged");
        }
        Iin iin = parse(r.iin());
        if (!iin.birthDate().equals(p.birthDate) || !iin.sex().name().equals(p.sex)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "iin",
                    "does not agree with the birth date and sex on record for this person");
        }
        Person holder = Person.<Person>find("iin", iin.value()).firstResultOptional().orElse(null);
        if (holder == null) {
            persons.identify(p, iin.value());
            return new Outcome(p, false);
        }
        Person survivor = em.find(Person.class, holder.id, LockModeType.PESSIMISTIC_WRITE);
        requireMayMergeInto(survivor, r, today);
        merge(p, survivor);
        return new Outcome(survivor, true);
    }

    /** Locked; 404 when hidden (a tombstone's survivor included), 409 for a tombstone, 403 when read-only. */
    private Person lockedForChange(UUID id, LocalDate today) {
        Person p = em.find(Person.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("person " + id);
        }
        Person current = PersonAccess.survivorOf(p);
        if (personAccess.visibleEntries(current, today).isEmpty()) {
            throw access.hiddenPerson(id);
        }
        if (current != p) {
            throw new ProblemException(ProblemType.CONFLICT, "this person was merged into person " + current.id
                    + " on " + p.mergedAt + "; change that record");
        }
        if (!personAccess.mayChange(p, today)) {
            denials.record("person", p.id, p.id, "no active entry kept by the caller");
            throw new ProblemException(ProblemType.FORBIDDEN, "only a body keeping an active entry of this person may change it");
        }
        return p;
    }

    private void requireMayMergeInto(Person survivor, IdentifyRequest r, LocalDate today) {
        if (personAccess.visibleEntries(survivor, today).isEmpty()) {
            denials.record("person", survivor.id, survivor.id, "merge target outside the caller's scope");
            throw new ProblemException(ProblemType.CONFLICT, "a conflicting record with this IIN exists outside your scope;"
                    + " ask the keeping body");
        }
        if (!personAccess.mayChange(survivor, today)) {
            denials.record("person", survivor.id, survivor.id, "merge target not kept by the caller");
            throw new ProblemException(ProblemType.FORBIDDEN, "the person holding this IIN has no active entry your body"
                    + " keeps; a merge needs the right to change both persons");
        }
        if (!survivor.id.equals(r.survivorId())) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "survivorId", "person " + survivor.id
                    + " holds this IIN: send their id as survivorId to confirm merging this person into them");
        }
    }

    private void merge(Person p, Person survivor) {
        List<RegistryEntry> moving = RegistryEntry.list("person = ?1 order by createdAt", p);
        for (RegistryEntry e : moving) {
            if (e.status == EntryStatus.ACTIVE && RegistryEntry.count("person = ?1 and category = ?2 and status = ?3",
                    survivor, e.category, EntryStatus.ACTIVE) > 0) {
                throw new ProblemException(ProblemType.CONFLICT, "the person holding this IIN already has an active entry"
                        + " of category " + e.category + " (possibly kept by another body): remove the duplicate entry"
                        + " before merging");
            }
        }
        Instant now = Instant.now();
        for (RegistryEntry e : moving) {
            Changes c = new Changes();
            e.person = survivor;
            c.set("person", p.id, survivor.id);
            e.updatedAt = now;
            changes.record(e, "PERSON_MERGED", c, new RegistryEvents.EntryUpdated(e.id, e.region, c.names()));
        }
        List<UUID> moved = moving.stream().map(e -> e.id).toList();
        Changes tombstone = new Changes();
        p.mergedInto = tombstone.set("mergedInto", null, survivor.id);
        p.mergedAt = now;
        p.updatedAt = now;
        tombstone.note("movedEntries", moved);
        changes.record(p, "MERGED_INTO", tombstone, new RegistryEvents.PersonMerged(p.id, survivor.id, moved));
        survivor.updatedAt = now;
        changes.record(survivor, "MERGED", new Changes().note("mergedPerson", p.id).note("movedEntries", moved), null);
        // The pair linked for review as look-alikes is settled.
        em.createNativeQuery("DELETE FROM person_possible_duplicate WHERE (person_id = ?1 AND candidate_id = ?2)"
                + " OR (person_id = ?2 AND candidate_id = ?1)").setParameter(1, p.id).setParameter(2, survivor.id)
                .executeUpdate();
        em.flush();
    }

    private static Iin parse(String raw) {
        Iin.Result r = Iin.parse(raw.strip());
        if (!r.isValid()) {
            throw ProblemException.field(ProblemType.VALIDATION, "iin", r.problem());
        }
        return r.iin();
    }
}
