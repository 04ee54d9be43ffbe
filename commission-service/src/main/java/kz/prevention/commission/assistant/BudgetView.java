package kz.prevention.commission.assistant;

import java.time.Instant;
import java.util.UUID;

/** A year's budget: approved, granted, reserved by pending proposals, and what remains. Tenge. */
public record BudgetView(UUID commissionId, int year, long amount, BudgetRequest.MaslikhatDecision maslikhatDecision,
        long granted, long reserved, long remaining, String setBy, Instant setAt, long version) {

    static BudgetView of(AssistantBudget b, Budgets.Use use) {
        return new BudgetView(b.commissionId, b.budgetYear, b.amount,
                new BudgetRequest.MaslikhatDecision(b.maslikhatNumber, b.maslikhatDate), use.granted(), use.reserved(),
                b.amount - use.granted() - use.reserved(), b.setBy, b.setAt, b.version);
    }
}
