package kz.prevention.eventing.ledger;

import kz.prevention.eventing.catalog.DomainEvent;

/** A record no catalog entry binds: recording it must fail and roll the change back. */
public record Unlisted(String accountId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
