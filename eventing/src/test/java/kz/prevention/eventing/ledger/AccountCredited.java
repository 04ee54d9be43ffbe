package kz.prevention.eventing.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.prevention.eventing.catalog.DomainEvent;

/** The test ledger's one event, bound to {@code kz.prevention.test.account.credited.v1} by the test catalog. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountCredited(String accountId, long amount, long balance, Boolean poison, Boolean poisonAtCommit,
        String note) implements DomainEvent {

    public static final String TYPE = "kz.prevention.test.account.credited.v1";

    public static AccountCredited of(String accountId, long amount, long balance) {
        return new AccountCredited(accountId, amount, balance, null, null, null);
    }

    @Override
    public String aggregateId() {
        return accountId;
    }
}
