package kz.prevention.measures.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.territory.Today;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.Subscriptions;

/** Consumes commissions' decisions: each instruction to an agency becomes a measure linked to the decision. */
@ApplicationScoped
public class DecisionEvents implements EventHandler {

    @Inject
    InstructionApplier applier;
    @Inject
    Today today;

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions.create().on(CommissionEvents.DecisionAdopted.class, this::adopted);
    }

    private void adopted(CommissionEvents.DecisionAdopted decision) {
        if (decision.decisionId() == null || decision.instructions() == null) {
            throw new IllegalArgumentException("decision.adopted without decisionId or instructions");
        }
        applier.apply(decision, today.date());
    }
}
