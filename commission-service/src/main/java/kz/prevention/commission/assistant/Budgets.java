package kz.prevention.commission.assistant;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * The maslikhat's yearly budgets for rewards and what uses them: granted rewards, and proposals
 * still before the commission (reserved, so that proposals cannot together promise more than the
 * budget). A budget row is locked while a reward is proposed or granted against it, so two at once
 * cannot both take the last money.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Budgets {

    @Inject
    EntityManager em;
    @Inject
    ChangeRecorder changes;

    /** Granted and reserved (proposed, the item not dismissed) amounts of a commission's year. */
    public record Use(long granted, long reserved) {
    }

    public Optional<AssistantBudget> locked(UUID commissionId, int year) {
        return em.createQuery("from AssistantBudget where commissionId = ?1 and budgetYear = ?2", AssistantBudget.class)
                .setParameter(1, commissionId).setParameter(2, year).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS) // also read by a GET, which opens no transaction
    public Optional<AssistantBudget> find(UUID commissionId, int year) {
        return AssistantBudget.find("commissionId = ?1 and budgetYear = ?2", commissionId, year).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Use use(UUID commissionId, int year) {
        long granted = sum("status = 'GRANTED'", commissionId, year);
        long reserved = sum("status = 'PROPOSED'", commissionId, year);
        return new Use(granted, reserved);
    }

    private long sum(String condition, UUID commissionId, int year) {
        Object s = em.createNativeQuery("select coalesce(sum(r.amount), 0) from assistant_reward r where r.commission_id = ?1"
                + " and r.budget_year = ?2 and " + condition).setParameter(1, commissionId).setParameter(2, year)
                .getSingleResult();
        return ((Number) s).longValue();
    }

    /** Sets (or replaces) the year's budget; never below what is already granted or reserved (409). */
    public AssistantBudget set(UUID commissionId, int year, BudgetRequest r, String actor) {
        AssistantBudget b = locked(commissionId, year).orElse(null);
        Use use = use(commissionId, year);
        if (r.amount() < use.granted() + use.reserved()) {
            throw new ProblemException(ProblemType.CONFLICT, "the budget cannot be less than the rewards already granted ("
                    + use.granted() + ") and proposed (" + use.reserved() + ") for " + year);
        }
        boolean creation = b == null;
        Changes diff = creation ? Changes.creation() : new Changes();
        if (creation) {
            b = new AssistantBudget();
            b.id = UUID.randomUUID();
            b.commissionId = commissionId;
            b.budgetYear = year;
        }
        b.amount = diff.set("amount", creation ? null : b.amount, r.amount());
        b.maslikhatNumber = diff.set("maslikhatNumber", b.maslikhatNumber, r.maslikhatDecision().number().strip());
        b.maslikhatDate = diff.set("maslikhatDate", b.maslikhatDate, r.maslikhatDecision().date());
        b.setBy = actor;
        b.setAt = Instant.now();
        if (creation) {
            b.persist();
        }
        changes.record(b, creation ? "SET" : "CHANGED", diff, null);
        return b;
    }
}
