package kz.prevention.registry.summary;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.prevention.commons.access.Denials;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.registry.person.Person;

/**
 * The minimal summary of a person for the organisation that carries out a measure about them: only
 * while the person has an active entry (the registry is kept only while a measure is in force,
 * Art. 59.6); for anyone else — unknown, or removed from the registry — a bare 404, the same for
 * both, so the answer never tells whether the person was ever on it.
 */
@ApplicationScoped
public class PersonSummaries {

    @Inject
    EntityManager em;
    @Inject
    Denials denials;

    public PersonSummaryAnswer of(UUID personId, String organisation, LocalDate today) {
        Person p = Person.findById(personId);
        if (p == null) {
            throw ProblemException.notFound("person " + personId);
        }
        long active = em.createQuery("select count(e) from RegistryEntry e where e.person = :person and e.status = :active",
                Long.class).setParameter("person", p).setParameter("active", EntryStatus.ACTIVE).getSingleResult();
        if (active == 0) {
            // Audited as a refused attempt on a record that exists; the answer is the unknown person's.
            denials.record("person-summary", p.id, p.id, "no active entry; asked for organisation " + organisation);
            throw ProblemException.notFound("person " + personId);
        }
        String name = Stream.of(p.lastName, p.firstName, p.middleName).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        return new PersonSummaryAnswer(name, p.ageOn(today), p.id, organisation);
    }
}
