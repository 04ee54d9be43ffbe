package kz.prevention.commission.execution;

import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.AgendaService;
import kz.prevention.commission.agenda.Territories;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.commission.rules.RulesDefaults;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.eventing.contract.MeasuresEvents;

/**
 * "Overdue measures of an agency" proposed automatically: when the measures of one agency reported
 * overdue in a commission's territory within a calendar month reach the threshold of the dated
 * reference file, the territory's interdepartmental commission gets the item — once per agency and month.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AgencyOverdue {

    public static final String KIND = "AGENCY_OVERDUE_MEASURES";

    @Inject
    AgendaService agenda;
    @Inject
    RulesDefaults defaults;

    public void reported(MeasuresEvents.MeasureOverdue e) {
        if (OverdueMeasure.findById(e.measureId()) != null) {
            return;
        }
        OverdueMeasure m = new OverdueMeasure();
        m.measureId = e.measureId();
        m.agency = e.executingAgency();
        m.region = e.region();
        m.dueDate = e.dueDate();
        m.detectedOn = e.detectedOn();
        m.persist();
        Commission c = Territories.closest(CommissionKind.INTERDEPARTMENTAL, e.region()).orElse(null);
        if (c == null) {
            return;
        }
        YearMonth month = YearMonth.from(e.detectedOn());
        long count = OverdueMeasure.count("agency = ?1 and region like ?2 and detectedOn between ?3 and ?4", e.executingAgency(),
                KatoScope.prefix(c.territory) + "%", month.atDay(1), month.atEndOfMonth());
        if (count >= defaults.proposals().agencyOverdueMeasuresPerMonth()) {
            agenda.propose(c, new AgendaService.Proposal(KIND, "Просроченные меры органа " + e.executingAgency() + " за "
                    + month + ": " + count + " и более", null, null, c.territory, null,
                    "agency-overdue:" + e.executingAgency() + ":" + month), AgendaItem.Source.EVENT, "system");
        }
    }
}
