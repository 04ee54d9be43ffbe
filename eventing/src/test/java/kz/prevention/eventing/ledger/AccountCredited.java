package kz.prevention.eventing.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountCredited(String accountId, long amount, long balance, Boolean poison) {

    public static final String TYPE = "kz.prevention.test.account.credited.v1";
}
