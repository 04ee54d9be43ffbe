package kz.prevention.measures.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.measures.access.MeasuresAccess;
import kz.prevention.measures.plan.PreventionPlan;
import kz.prevention.measures.plan.PlanStatus;
import kz.prevention.measures.plan.PlanKind;

/** Searches plans within what the caller may see: their territory, adults' and/or minors' plans. */
@ApplicationScoped
public class PlanSearch {

    @Inject
    EntityManager em;
    @Inject
    MeasuresAccess access;

    public record Criteria(UUID entryId, UUID personId, UUID decisionId, String region, PlanStatus status, PlanKind kind) {
    }

    public Page<PreventionPlan> search(Criteria c, PageRequest page) {
        StringBuilder where = new StringBuilder(" where p.region like :scope");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", access.regionPrefix() + "%");
        if (!access.isSupervisor()) {
            boolean adults = access.mayPlanFor(false);
            boolean minors = access.mayPlanFor(true);
            if (!adults && !minors) {
                throw new ProblemException(ProblemType.FORBIDDEN, "plans are kept by registry officers and juvenile inspectors");
            }
            if (adults != minors) {
                where.append(" and p.minor = :minor");
                params.put("minor", minors);
            }
        }
        if (c.region() != null) {
            String prefix = KatoScope.narrow(c.region(), access.regionPrefix());
            where.append(" and p.region like :region");
            params.put("region", prefix + "%");
        }
        add(where, params, "entryId", c.entryId());
        add(where, params, "personId", c.personId());
        add(where, params, "decisionId", c.decisionId());
        add(where, params, "status", c.status());
        add(where, params, "kind", c.kind());
        TypedQuery<PreventionPlan> q = em.createQuery("select p from PreventionPlan p" + where
                + " order by p.openedOn desc, p.id", PreventionPlan.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from PreventionPlan p" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<PreventionPlan> items = q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(items, page, count.getSingleResult());
    }

    private static void add(StringBuilder where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.append(" and p.").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }
}
