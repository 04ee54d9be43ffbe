package kz.prevention.registry.persons;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.entry.EntryTransfer;
import kz.prevention.registry.person.Person;

/** A person is visible to whoever may see one of their entries, and writable by whoever keeps an active one. */
@ApplicationScoped
public class PersonAccess {

    @Inject
    RegistryAccess access;

    public List<RegistryEntry> visibleEntries(Person p, LocalDate today) {
        List<RegistryEntry> entries = RegistryEntry.list("person = ?1 order by createdAt", p);
        return entries.stream().filter(e -> access.mayRead(e, today,
                EntryTransfer.pendingFor(e.id).map(t -> t.toRegion).orElse(null))).toList();
    }

    /**
     * The person, or — for a person merged into another (a tombstone) — the survivor: reads of a merged id
     * answer with the survivor's record (its id differs from the one asked for), under the survivor's rule.
     */
    public Person forRead(UUID id, LocalDate today) {
        Person p = Person.findById(id);
        if (p == null) {
            throw ProblemException.notFound("person " + id);
        }
        p = survivorOf(p);
        if (visibleEntries(p, today).isEmpty()) {
            throw access.hiddenPerson(id);
        }
        return p;
    }

    public Person forChange(UUID id, LocalDate today) {
        Person p = forRead(id, today);
        if (!mayChange(p, today)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only a body keeping an active entry of this person may change it");
        }
        return p;
    }

    /** The person itself, or the one a merge folded it into (never more than one step: only persons without an IIN merge). */
    public static Person survivorOf(Person p) {
        Person current = p;
        for (int hops = 0; current.mergedInto != null && hops < 3; hops++) {
            current = Person.findById(current.mergedInto);
        }
        return current;
    }

    /** Whether the caller keeps an active entry of the person (a check that records nothing). */
    public boolean mayChange(Person p, LocalDate today) {
        return visibleEntries(p, today).stream().anyMatch(e -> e.isActive() && access.mayWrite(e, today));
    }
}
