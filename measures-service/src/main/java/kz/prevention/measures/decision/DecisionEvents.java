package kz.prevention.measures.decision;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.commons.territory.Today;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.inbox.EventHandler;

/** Consumes commissions' decisions: each instruction to an agency becomes a measure linked to the decision. */
@ApplicationScoped
public class DecisionEvents implements EventHandler {

    @Inject
    InstructionApplier applier;
    @Inject
    ObjectMapper mapper;
    @Inject
    Today today;

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public Set<String> topics() {
        return Set.of("prevention.commission.decisions");
    }

    @Override
    public void handle(CloudEvent event) {
        if (!DecisionAdopted.TYPE.equals(event.type())) {
            return;
        }
        DecisionAdopted decision = event.dataAs(mapper, DecisionAdopted.class);
        if (decision.decisionId() == null || decision.instructions() == null) {
            throw new IllegalArgumentException("decision.adopted without decisionId or instructions");
        }
        applier.apply(decision, today.date());
    }
}
