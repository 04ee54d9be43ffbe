-- The sitting: who was present, who declared a conflict of interest on an item, each member's one
-- vote per item; the decision drafted per item with its instructions to agencies. A decision is final
-- once the chair signs the minutes: the service refuses changes, and the database too (trigger below).
CREATE TABLE session_attendance (
    session_id  UUID        NOT NULL REFERENCES commission_session (id),
    member_id   UUID        NOT NULL REFERENCES commission_member (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, member_id)
);

CREATE TABLE item_recusal (
    item_id     UUID        NOT NULL REFERENCES agenda_item (id),
    member_id   UUID        NOT NULL REFERENCES commission_member (id),
    reason      TEXT        NOT NULL,
    declared_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_id, member_id)
);

CREATE TABLE item_vote (
    item_id   UUID        NOT NULL REFERENCES agenda_item (id),
    member_id UUID        NOT NULL REFERENCES commission_member (id),
    choice    TEXT        NOT NULL CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN')),
    cast_at   TIMESTAMPTZ NOT NULL,
    -- One vote per member and item: a second one is refused even when two arrive at once.
    PRIMARY KEY (item_id, member_id)
);

CREATE TABLE decision (
    id             UUID        PRIMARY KEY,
    item_id        UUID        NOT NULL UNIQUE REFERENCES agenda_item (id),
    session_id     UUID        NOT NULL REFERENCES commission_session (id),
    commission_id  UUID        NOT NULL REFERENCES commission (id),
    number         TEXT        NOT NULL,
    text           TEXT        NOT NULL,
    legal_basis    TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ADOPTED', 'REJECTED')),
    votes_for      INT,
    votes_against  INT,
    votes_abstain  INT,
    adopted_on     DATE,
    corrects_id    UUID        REFERENCES decision (id),
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL,
    UNIQUE (commission_id, number)
);
CREATE INDEX decision_session ON decision (session_id);

CREATE TABLE instruction (
    id               UUID        PRIMARY KEY,
    decision_id      UUID        NOT NULL REFERENCES decision (id),
    position         INT         NOT NULL,
    executing_agency TEXT        NOT NULL,
    measure_type     TEXT        NOT NULL,
    content          TEXT        NOT NULL,
    due_date         DATE        NOT NULL,
    entry_id         UUID,
    status           TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'ASSIGNED', 'EXECUTED', 'CANCELLED')),
    measure_id       UUID        UNIQUE,
    executed_on      DATE,
    overdue_since    DATE,
    updated_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (decision_id, position)
);
CREATE INDEX instruction_decision ON instruction (decision_id);
CREATE INDEX instruction_open_due ON instruction (due_date) WHERE status IN ('ISSUED', 'ASSIGNED');

-- A signed decision's words never change: not through the API (409), and not by a stray UPDATE.
CREATE FUNCTION decision_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'DRAFT' AND (NEW.text IS DISTINCT FROM OLD.text OR NEW.legal_basis IS DISTINCT FROM OLD.legal_basis
            OR NEW.status IS DISTINCT FROM OLD.status OR NEW.number IS DISTINCT FROM OLD.number) THEN
        RAISE EXCEPTION 'decision % is final', OLD.id USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER decision_final BEFORE UPDATE ON decision FOR EACH ROW EXECUTE FUNCTION decision_final();
