-- Sessions (sittings) of a commission and their agenda. Items are proposed by events (a minor
-- registered in the territory, an instruction past its deadline) or by the secretary, who accepts
-- each into a session, defers or dismisses it with a reason. No names: persons by the registry's ids.
CREATE TABLE commission_session (
    id             UUID        PRIMARY KEY,
    commission_id  UUID        NOT NULL REFERENCES commission (id),
    number         INT         NOT NULL,
    session_date   DATE        NOT NULL,
    place          TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'SITTING', 'SIGNED')),
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL,
    UNIQUE (commission_id, number)
);
CREATE INDEX commission_session_date ON commission_session (commission_id, session_date);

CREATE TABLE agenda_item (
    id              UUID        PRIMARY KEY,
    commission_id   UUID        NOT NULL REFERENCES commission (id),
    session_id      UUID        REFERENCES commission_session (id),
    kind            TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DEFERRED', 'DISMISSED', 'DECIDED')),
    source          TEXT        NOT NULL CHECK (source IN ('EVENT', 'SECRETARY')),
    source_ref      TEXT,
    entry_id        UUID,
    person_id       UUID,
    region          TEXT,
    instruction_id  UUID,
    reason          TEXT,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL,
    CHECK (status NOT IN ('ACCEPTED', 'DECIDED') OR session_id IS NOT NULL)
);
CREATE INDEX agenda_item_commission ON agenda_item (commission_id, status);
CREATE INDEX agenda_item_session ON agenda_item (session_id);
-- An event proposes its item once per commission, however often it is delivered or replayed.
CREATE UNIQUE INDEX agenda_item_source ON agenda_item (commission_id, source_ref) WHERE source_ref IS NOT NULL;
