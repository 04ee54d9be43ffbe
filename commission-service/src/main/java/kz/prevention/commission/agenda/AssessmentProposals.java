package kz.prevention.commission.agenda;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.commission.commission.CommissionLevel;
import kz.prevention.commission.rules.RulesDefaults;
import kz.prevention.commons.territory.Today;

/**
 * Proposes the six-monthly assessment to every local interdepartmental commission in the months the
 * dated reference file names (the last month of each half-year), once per commission and half-year.
 */
@ApplicationScoped
public class AssessmentProposals {

    @Inject
    AgendaService agenda;
    @Inject
    RulesDefaults defaults;
    @Inject
    Today today;

    @Scheduled(cron = "{commission.assessment-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        propose(today.date());
    }

    /** @return how many commissions were given the item now */
    public int propose(LocalDate on) {
        if (!defaults.proposals().sixMonthlyAssessmentProposedInMonths().contains(on.getMonthValue())) {
            return 0;
        }
        String half = on.getYear() + "-H" + (on.getMonthValue() <= 6 ? 1 : 2);
        List<UUID> local = QuarkusTransaction.requiringNew().call(() -> Commission.<Commission>list("kind = ?1 and level <> ?2",
                CommissionKind.INTERDEPARTMENTAL, CommissionLevel.NATIONAL).stream().map(c -> c.id).toList());
        int proposed = 0;
        for (UUID id : local) {
            boolean added = QuarkusTransaction.requiringNew().call(() -> agenda.propose(Commission.findById(id),
                    new AgendaService.Proposal("SIX_MONTHLY_ASSESSMENT", "Полугодовая оценка " + half + ": раннее выявление"
                            + " неблагополучных семей; эффективность мер против бытового насилия, опьянения, в общественных местах",
                            null, null, null, null, "six-monthly-assessment:" + half),
                    AgendaItem.Source.EVENT, "system") != null);
            proposed += added ? 1 : 0;
        }
        return proposed;
    }
}
