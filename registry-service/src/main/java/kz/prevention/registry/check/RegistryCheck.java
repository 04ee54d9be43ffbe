package kz.prevention.registry.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.commons.identity.Iin;
import kz.prevention.registry.person.Person;

/**
 * Is this IIN on the registry, in which category groups, since when: a country-wide yes/no for
 * other systems, over the person's active entries (minors' included — the caller is a system, and
 * the answer names no one). The group is the one the registry-categories catalog gave the entry
 * when it was registered.
 */
@ApplicationScoped
public class RegistryCheck {

    @Inject
    EntityManager em;

    public RegistryCheckAnswer check(String rawIin) {
        Iin.Result parsed = Iin.parse(rawIin);
        if (!parsed.isValid()) {
            // The problem names the field and the rule broken, never the value sent.
            throw ProblemException.field(ProblemType.VALIDATION, "iin", parsed.problem());
        }
        Optional<Person> person = Person.byIin(parsed.iin().value());
        if (person.isEmpty()) {
            return RegistryCheckAnswer.notOnRegistry(null);
        }
        List<Object[]> byGroup = em.createQuery("select e.categoryGroup, min(e.startDate) from RegistryEntry e"
                + " where e.person = :person and e.status = :active group by e.categoryGroup order by e.categoryGroup",
                Object[].class)
                .setParameter("person", person.get()).setParameter("active", EntryStatus.ACTIVE).getResultList();
        if (byGroup.isEmpty()) {
            return RegistryCheckAnswer.notOnRegistry(person.get().id);
        }
        List<String> groups = byGroup.stream().map(row -> (String) row[0]).toList();
        LocalDate since = byGroup.stream().map(row -> (LocalDate) row[1]).min(LocalDate::compareTo).orElseThrow();
        return new RegistryCheckAnswer(true, groups, since, person.get().id);
    }
}
