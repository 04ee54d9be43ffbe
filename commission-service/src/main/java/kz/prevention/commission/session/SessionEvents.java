package kz.prevention.commission.session;

import jakarta.enterprise.context.ApplicationScoped;

import kz.prevention.eventing.catalog.DomainEvent;

/** The events a session's life announces (none are in the catalog yet: nothing is published). */
@ApplicationScoped
public class SessionEvents {

    public DomainEvent scheduled(CommissionSession s) {
        return null;
    }

    public DomainEvent held(CommissionSession s, int members, int present, int decisionsAdopted) {
        return null;
    }
}
