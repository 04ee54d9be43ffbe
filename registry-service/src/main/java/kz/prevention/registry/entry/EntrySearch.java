package kz.prevention.registry.entry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.person.IinField;
import kz.prevention.registry.person.Names;

/** Searches entries within what the caller may see: their territory, adults and/or minors. */
@ApplicationScoped
public class EntrySearch {

    @Inject
    EntityManager em;
    @Inject
    RegistryAccess access;

    public record Criteria(String iin, String name, String region, String category, EntryStatus status, Boolean minor,
            Boolean controlOverdue, Integer termEndingWithinDays) {
    }

    public Page<RegistryEntry> search(Criteria c, PageRequest page, LocalDate today) {
        StringBuilder where = new StringBuilder(" where e.region like :scope");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", access.regionPrefix() + "%");
        LocalDate adultBornBy = today.minusYears(18);
        String minorRecord = "(e.categoryGroup = 'MINOR' or p.birthDate > :adultBornBy)";
        if (!access.seesMinors()) {
            where.append(" and not ").append(minorRecord);
            params.put("adultBornBy", adultBornBy);
        }
        if (!access.seesAdults()) {
            where.append(" and ").append(minorRecord);
            params.put("adultBornBy", adultBornBy);
        }
        if (c.iin() != null || c.name() != null) {
            // A search for a person is a read of personal data: the audit row must say why.
            access.requirePurpose("when searching by IIN or name");
        }
        if (c.iin() != null) {
            IinField.parse(c.iin());
            where.append(" and p.iin = :iin");
            params.put("iin", c.iin());
        }
        if (c.name() != null) {
            String key = Names.key(c.name());
            if (key.length() < 2) {
                throw ProblemException.field(ProblemType.VALIDATION, "name", "give at least 2 letters");
            }
            where.append(" and p.nameKey like :name");
            params.put("name", "%" + key.replace("%", "").replace("_", "") + "%");
        }
        if (c.region() != null) {
            String prefix = KatoScope.narrow(c.region(), access.regionPrefix());
            where.append(" and e.region like :region");
            params.put("region", prefix + "%");
        }
        if (c.category() != null) {
            where.append(" and e.category = :category");
            params.put("category", c.category());
        }
        if (c.status() != null) {
            where.append(" and e.status = :status");
            params.put("status", c.status());
        }
        if (c.minor() != null) {
            where.append(c.minor() ? " and " : " and not ").append(minorRecord);
            params.put("adultBornBy", adultBornBy);
        }
        if (Boolean.TRUE.equals(c.controlOverdue())) {
            where.append(" and e.status = :active and e.nextControlDate < :today");
            params.put("active", EntryStatus.ACTIVE);
            params.put("today", today);
        }
        if (c.termEndingWithinDays() != null) {
            if (c.termEndingWithinDays() < 0 || c.termEndingWithinDays() > 3650) {
                throw ProblemException.field(ProblemType.VALIDATION, "termEndingWithinDays", "between 0 and 3650");
            }
            where.append(" and e.status = :active and e.measureEndDate between :today and :horizon");
            params.put("active", EntryStatus.ACTIVE);
            params.put("today", today);
            params.put("horizon", today.plusDays(c.termEndingWithinDays()));
        }
        TypedQuery<Long> count = em.createQuery("select count(e) from RegistryEntry e join e.person p" + where, Long.class);
        TypedQuery<RegistryEntry> items = em.createQuery("select e from RegistryEntry e join fetch e.person p" + where
                + " order by e.createdAt desc, e.id", RegistryEntry.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            items.setParameter(k, v);
        });
        List<RegistryEntry> found = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(found, page, count.getSingleResult());
    }
}
