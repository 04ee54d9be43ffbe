package kz.prevention.commission.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A reward as the assistant's readers and the commission see it. */
public record RewardView(UUID id, UUID assistantId, UUID commissionId, UUID agendaItemId, int budgetYear, long amount,
        String reason, AssistantReward.Status status, UUID decisionId, LocalDate decidedOn, String proposedBy,
        Instant proposedAt) {

    public static RewardView of(AssistantReward r) {
        return new RewardView(r.id, r.assistantId, r.commissionId, r.agendaItemId, r.budgetYear, r.amount, r.reason, r.status,
                r.decisionId, r.decidedOn, r.proposedBy, r.proposedAt);
    }
}
