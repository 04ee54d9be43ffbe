package kz.prevention.measures.assignment;

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
import kz.prevention.measures.measure.Measure;
import kz.prevention.measures.measure.MeasureStatus;

/** An organisation's measures (of its agency, within its territory), soonest due first. */
@ApplicationScoped
public class AssignmentQueue {

    @Inject
    EntityManager em;

    public record Criteria(MeasureStatus status, LocalDate dueFrom, LocalDate dueTo, Boolean overdue) {
    }

    public Page<Measure> of(String agency, String organisation, String regionPrefix, String organisationPrefix,
            Criteria c, PageRequest page, LocalDate today) {
        if (c.dueFrom() != null && c.dueTo() != null && c.dueTo().isBefore(c.dueFrom())) {
            throw ProblemException.field(ProblemType.VALIDATION, "dueTo", "must not be before dueFrom");
        }
        // The same rule as MeasuresAccess.isAssignedTo: organisation, agency, the caller's territory and the organisation's.
        StringBuilder where = new StringBuilder(" where m.organisation = :organisation and m.executingAgency = :agency"
                + " and m.region like :scope and m.region like :served");
        Map<String, Object> params = new HashMap<>();
        params.put("organisation", organisation);
        params.put("agency", agency);
        params.put("scope", regionPrefix + "%");
        params.put("served", organisationPrefix + "%");
        if (c.status() != null) {
            where.append(" and m.status = :status");
            params.put("status", c.status());
        }
        if (c.dueFrom() != null) {
            where.append(" and m.dueDate >= :dueFrom");
            params.put("dueFrom", c.dueFrom());
        }
        if (c.dueTo() != null) {
            where.append(" and m.dueDate <= :dueTo");
            params.put("dueTo", c.dueTo());
        }
        if (c.overdue() != null) {
            where.append(c.overdue() ? " and m.status in :open and m.dueDate < :today"
                    : " and not (m.status in :open and m.dueDate < :today)");
            params.put("open", MeasureStatus.OPEN_STATES);
            params.put("today", today);
        }
        TypedQuery<Measure> q = em.createQuery("select m from Measure m join fetch m.plan" + where
                + " order by m.dueDate, m.id", Measure.class);
        TypedQuery<Long> count = em.createQuery("select count(m) from Measure m" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Measure> items = q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(items, page, count.getSingleResult());
    }
}
