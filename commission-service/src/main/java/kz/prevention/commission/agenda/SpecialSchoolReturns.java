package kz.prevention.commission.agenda;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.Subscriptions;
import kz.prevention.persistence.merge.PersonMergeMap;

/**
 * A child back from a special school is seen by the commission on minors' affairs within 3 working
 * days (Art. 80): when measures-service reports a minor's special-school measure completed, the
 * closest minors' commission of the measure's territory is proposed an item to be examined by then.
 * Which measures and how many days come from the agenda item kinds' reference file
 * ({@code proposedWhenMeasureEnds}, {@code examineWithinWorkingDays}). A cancelled placement
 * proposes nothing; a redelivered completion proposes nothing new.
 */
@ApplicationScoped
public class SpecialSchoolReturns implements EventHandler {

    private static final Logger LOG = Logger.getLogger(SpecialSchoolReturns.class);

    @Inject
    AgendaService agenda;
    @Inject
    AgendaKinds kinds;
    @Inject
    PersonMergeMap merges;

    @Override
    public String name() {
        return "special-school-returns";
    }

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions.create()
                .on(MeasuresEvents.MeasureAssigned.class, this::assigned)
                .on(MeasuresEvents.MeasureCompleted.class, this::completed)
                .on(MeasuresEvents.MeasureCancelled.class, this::cancelled);
    }

    private void assigned(MeasuresEvents.MeasureAssigned e) {
        if (!e.minor() || kinds.proposedWhenEnds(e.type()).isEmpty()
                || SpecialSchoolStay.findById(e.measureId()) != null) {
            return;
        }
        SpecialSchoolStay stay = new SpecialSchoolStay();
        stay.measureId = e.measureId();
        stay.entryId = e.entryId();
        // measures-service moves a plan to the survivor on its own reading of the merge: an assignment
        // published before that still names the merged id.
        stay.personId = merges.current(e.personId());
        stay.region = e.region();
        stay.type = e.type();
        stay.persist();
    }

    private void completed(MeasuresEvents.MeasureCompleted e) {
        SpecialSchoolStay stay = SpecialSchoolStay.findById(e.measureId());
        if (stay == null) {
            return;
        }
        List<AgendaKinds.Kind> proposed = kinds.proposedWhenEnds(stay.type);
        Territories.closest(CommissionKind.MINORS_AFFAIRS, stay.region).ifPresentOrElse(c -> proposed.forEach(k ->
                agenda.proposeWithLimit(c, new AgendaService.Proposal(k.code(),
                        "Ребёнок вернулся из специальной школы " + e.completedOn(), stay.entryId, stay.personId,
                        stay.region, null, "measure-ended:" + e.measureId() + ":" + k.code()), e.completedOn())),
                () -> LOG.infof("no minors' commission covers territory %s; return after measure %s proposes no item",
                        stay.region, e.measureId()));
    }

    private void cancelled(MeasuresEvents.MeasureCancelled e) {
        SpecialSchoolStay.deleteById(e.measureId());
    }
}
