package kz.prevention.commission.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.AgendaService;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.commission.decision.Decision;
import kz.prevention.commission.rules.Outcome;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * Rewards of public assistants (Art. 47): the akimat proposes one for a registered assistant; it
 * becomes a {@code PUBLIC_ASSISTANT_REWARDS} item of the district's interdepartmental commission;
 * when the commission adopts the item's decision at sign-off, the reward is granted if the
 * maslikhat's budget of the year still has room — refused over the budget otherwise — and a
 * rejected decision rejects it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RewardService {

    static final String AGENDA_KIND = "PUBLIC_ASSISTANT_REWARDS";

    @Inject
    AgendaService agenda;
    @Inject
    Budgets budgets;
    @Inject
    ChangeRecorder changes;

    public AssistantReward propose(PublicAssistant a, RewardRequest r, LocalDate today, String actor) {
        if (a.status != AssistantStatus.REGISTERED) {
            throw new ProblemException(ProblemType.CONFLICT, "only a registered public assistant is rewarded; this one is "
                    + a.status);
        }
        Commission c = Commission.<Commission>find("kind = ?1 and territory = ?2", CommissionKind.INTERDEPARTMENTAL, a.district)
                .firstResult();
        if (c == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "district " + a.district + " has no interdepartmental"
                    + " commission to decide the reward");
        }
        int year = today.getYear();
        AssistantBudget b = budgets.locked(c.id, year).orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE,
                "the maslikhat's budget for rewards in " + year + " is not set for the commission; its secretary sets it"));
        Budgets.Use use = budgets.use(c.id, year);
        long remaining = b.amount - use.granted() - use.reserved();
        if (r.amount() > remaining) {
            throw new ProblemException(ProblemType.CONFLICT, "the reward (" + r.amount() + " tenge) is over the remaining"
                    + " budget of " + year + ": " + remaining + " of " + b.amount + " tenge (granted " + use.granted()
                    + ", proposed " + use.reserved() + ")");
        }
        AssistantReward w = new AssistantReward();
        w.id = UUID.randomUUID();
        AgendaItem item = agenda.propose(c, new AgendaService.Proposal(AGENDA_KIND, "Поощрение общественного помощника: "
                + r.amount() + " тг", null, null, a.district, null, "assistant-reward:" + w.id), AgendaItem.Source.AKIMAT, actor);
        w.assistantId = a.id;
        w.commissionId = c.id;
        w.agendaItemId = item.id;
        w.budgetYear = year;
        w.amount = r.amount();
        w.reason = r.reason().strip();
        w.status = AssistantReward.Status.PROPOSED;
        w.proposedBy = actor;
        w.proposedAt = Instant.now();
        w.persist();
        Changes diff = Changes.creation();
        diff.set("amount", null, w.amount);
        diff.set("agendaItemId", null, w.agendaItemId);
        changes.record(w, "PROPOSED", diff, null);
        return w;
    }

    /** The secretary dismissed an item: a proposed reward on it is dismissed too, and reserves nothing. */
    void itemDismissed(@jakarta.enterprise.event.Observes AgendaService.Dismissed dismissed) {
        AgendaItem item = dismissed.item();
        if (!AGENDA_KIND.equals(item.kind)) {
            return;
        }
        AssistantReward w = AssistantReward.find("agendaItemId", item.id).firstResult();
        if (w == null || w.status != AssistantReward.Status.PROPOSED) {
            return;
        }
        Changes diff = new Changes();
        w.status = diff.set("status", w.status, AssistantReward.Status.DISMISSED);
        changes.record(w, "DISMISSED", diff.note("reason", item.reason), null);
    }

    /** Called at sign-off for every decided item: a reward's item grants, refuses or rejects it. */
    public void decided(AgendaItem item, Decision d, Outcome outcome) {
        if (!AGENDA_KIND.equals(item.kind)) {
            return;
        }
        AssistantReward w = AssistantReward.find("agendaItemId", item.id).firstResult();
        if (w == null || w.status != AssistantReward.Status.PROPOSED) {
            return; // a rewards item the secretary put forward itself, not a proposed reward
        }
        Changes diff = new Changes();
        w.decisionId = diff.set("decisionId", w.decisionId, d.id);
        w.decidedOn = diff.set("decidedOn", w.decidedOn, d.session.date);
        if (outcome != Outcome.ADOPTED) {
            w.status = diff.set("status", w.status, AssistantReward.Status.REJECTED);
            changes.record(w, "REJECTED", diff, null);
            return;
        }
        AssistantBudget b = budgets.locked(w.commissionId, w.budgetYear).orElse(null);
        long granted = budgets.use(w.commissionId, w.budgetYear).granted();
        if (b == null || w.amount > b.amount - granted) {
            w.status = diff.set("status", w.status, AssistantReward.Status.REFUSED_OVER_BUDGET);
            changes.record(w, "REFUSED_OVER_BUDGET", diff, null);
            return;
        }
        w.status = diff.set("status", w.status, AssistantReward.Status.GRANTED);
        PublicAssistant a = PublicAssistant.findById(w.assistantId);
        changes.record(w, "GRANTED", diff, new CommissionEvents.PublicAssistantRewarded(w.id, w.assistantId, w.commissionId,
                d.id, a.district, w.budgetYear, w.amount, d.session.date));
    }
}
