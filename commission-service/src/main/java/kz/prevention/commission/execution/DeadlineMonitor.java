package kz.prevention.commission.execution;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kz.prevention.commission.decision.Instruction;
import kz.prevention.commission.decision.InstructionStatus;
import kz.prevention.commons.territory.Today;

/**
 * Finds open instructions past their deadline that measures-service has not reported overdue —
 * above all those it never made a measure of (it rejects an instruction it cannot apply without an
 * event) — so that none escapes the next session's agenda. Each instruction in its own transaction.
 */
@ApplicationScoped
public class DeadlineMonitor {

    @Inject
    ExecutionService execution;
    @Inject
    Today today;

    @Scheduled(cron = "{commission.overdue-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        raise(today.date());
    }

    /** @return how many open instructions past their deadline were looked at */
    public int raise(LocalDate on) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> Instruction.<Instruction>list(
                "status in ?1 and dueDate < ?2 and overdueSince is null", List.of(InstructionStatus.ISSUED,
                        InstructionStatus.ASSIGNED), on).stream().map(i -> i.id).toList());
        ids.forEach(id -> QuarkusTransaction.requiringNew().run(() -> execution.overdue(Instruction.findById(id), on)));
        return ids.size();
    }
}
