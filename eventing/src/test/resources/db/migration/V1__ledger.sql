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

-- A constraint checked only at COMMIT: an event that breaks it fails where the inbox cannot see
-- the statement that caused it (a RollbackException around a unique violation, 23505).
CREATE TABLE ledger_commit_guard (
    marker TEXT,
    CONSTRAINT ledger_commit_guard_unique UNIQUE (marker) DEFERRABLE INITIALLY DEFERRED
);
