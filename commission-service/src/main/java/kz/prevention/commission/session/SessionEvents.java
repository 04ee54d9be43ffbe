package kz.prevention.commission.session;

import jakarta.enterprise.context.ApplicationScoped;

import kz.prevention.eventing.contract.CommissionEvents;

/** The events a session's life announces: ids, codes, dates and counts — no names, no agenda contents. */
@ApplicationScoped
public class SessionEvents {

    public CommissionEvents.SessionScheduled scheduled(CommissionSession s) {
        return new CommissionEvents.SessionScheduled(s.id, s.commission.id, s.commission.kind.eventCode(), s.commission.territory,
                s.number, s.date);
    }

    public CommissionEvents.SessionHeld held(CommissionSession s, int members, int present, int decisionsAdopted) {
        return new CommissionEvents.SessionHeld(s.id, s.commission.id, s.commission.kind.eventCode(), s.commission.territory,
                s.number, s.date, members, present, decisionsAdopted);
    }
}
