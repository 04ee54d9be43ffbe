-- One-man management (Law No. 380-IV Art. 4): a removal, extension or transfer of an entry is a
-- request until an authorised head of the keeping body approves it (then it is applied) or rejects
-- it. One request of a kind may wait per entry; the database says so too, so two requests at the
-- same moment end in one 409.
CREATE TABLE entry_approval (
    id              UUID        PRIMARY KEY,
    entry_id        UUID        NOT NULL REFERENCES registry_entry (id),
    kind            TEXT        NOT NULL CHECK (kind IN ('REMOVAL', 'EXTENSION', 'TRANSFER')),
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    request         TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    requested_by    TEXT        NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    decider_unit    CHAR(9),
    decision_reason TEXT,
    version         BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX entry_approval_one_pending ON entry_approval (entry_id, kind) WHERE status = 'PENDING';
CREATE INDEX entry_approval_entry ON entry_approval (entry_id);
CREATE INDEX entry_approval_queue ON entry_approval (requested_at) WHERE status = 'PENDING';
