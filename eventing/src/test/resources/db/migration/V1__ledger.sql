CREATE TABLE ledger_account (
    id      TEXT   PRIMARY KEY,
    balance BIGINT NOT NULL
);

-- What the projection applied, in the order it applied it.
CREATE TABLE ledger_applied (
    applied_seq BIGSERIAL PRIMARY KEY,
    event_id    UUID      NOT NULL, -- deliberately not unique: a double application must show
    account_id  TEXT      NOT NULL,
    version     BIGINT    NOT NULL,
    amount      BIGINT    NOT NULL
);

CREATE TABLE ledger_projection (
    account_id TEXT   PRIMARY KEY,
    total      BIGINT NOT NULL,
    events     INT    NOT NULL
);

CREATE TABLE strict_applied (
    event_id   UUID   PRIMARY KEY,
    account_id TEXT   NOT NULL,
    version    BIGINT NOT NULL
);
