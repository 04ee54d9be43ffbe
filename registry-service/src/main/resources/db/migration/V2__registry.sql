-- The preventive registry (Law No. 245-VIII Art. 59; Order 163).

CREATE TABLE person (
    id               UUID        PRIMARY KEY,
    iin              CHAR(12)    UNIQUE,
    last_name        TEXT        NOT NULL,
    first_name       TEXT        NOT NULL,
    middle_name      TEXT,
    last_name_latin  TEXT,
    first_name_latin TEXT,
    birth_date       DATE        NOT NULL,
    sex              CHAR(1)     NOT NULL CHECK (sex IN ('M', 'F')),
    citizenship      CHAR(3)     NOT NULL,
    doc_type         TEXT,
    doc_number       TEXT,
    doc_issued_on    DATE,
    doc_issuer       TEXT,
    address          TEXT,
    address_kato     CHAR(9),
    -- lower-cased Cyrillic full name without punctuation, for search and the duplicate check
    name_key         TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);
CREATE INDEX person_birth_date ON person (birth_date);
CREATE INDEX person_name_key ON person (name_key text_pattern_ops);

-- Persons registered without an IIN who may be someone already known: linked for review, not blocked.
CREATE TABLE person_possible_duplicate (
    person_id    UUID        NOT NULL REFERENCES person (id),
    candidate_id UUID        NOT NULL REFERENCES person (id),
    similarity   NUMERIC(4, 3) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, candidate_id)
);

CREATE SEQUENCE entry_case_number_seq;

CREATE TABLE registry_entry (
    id                     UUID        PRIMARY KEY,
    case_number            TEXT        NOT NULL UNIQUE,
    person_id              UUID        NOT NULL REFERENCES person (id),
    category               TEXT        NOT NULL,
    category_group         TEXT        NOT NULL,
    doc_type               TEXT        NOT NULL,
    doc_number             TEXT        NOT NULL,
    doc_date               DATE        NOT NULL,
    doc_issuer             TEXT        NOT NULL,
    registering_body       TEXT        NOT NULL,
    officer_name           TEXT        NOT NULL,
    officer_rank           TEXT,
    region                 CHAR(9)     NOT NULL,
    start_date             DATE        NOT NULL,
    measure                TEXT        NOT NULL,
    measure_end_date       DATE,
    risk_level             TEXT,
    last_control_date      DATE,
    next_control_date      DATE,
    status                 TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'REMOVED')),
    removal_reason         TEXT,
    removal_date           DATE,
    removal_doc_type       TEXT,
    removal_doc_number     TEXT,
    removal_doc_date       DATE,
    removal_doc_issuer     TEXT,
    -- deadline notices already raised, so each is raised once
    overdue_raised_for     DATE,
    term_ending_raised_for DATE,
    term_expired_raised_for DATE,
    came_of_age_raised     BOOLEAN     NOT NULL DEFAULT false,
    created_at             TIMESTAMPTZ NOT NULL,
    created_by             TEXT        NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    version                BIGINT      NOT NULL
);
CREATE INDEX registry_entry_person ON registry_entry (person_id);
CREATE INDEX registry_entry_region ON registry_entry (region, status);
CREATE INDEX registry_entry_next_control ON registry_entry (next_control_date) WHERE status = 'ACTIVE';
CREATE INDEX registry_entry_end ON registry_entry (measure_end_date) WHERE status = 'ACTIVE';

CREATE TABLE entry_extension (
    id                UUID        PRIMARY KEY,
    entry_id          UUID        NOT NULL REFERENCES registry_entry (id),
    previous_end_date DATE,
    new_end_date      DATE        NOT NULL,
    reason            TEXT        NOT NULL,
    doc_type          TEXT        NOT NULL,
    doc_number        TEXT        NOT NULL,
    doc_date          DATE        NOT NULL,
    doc_issuer        TEXT        NOT NULL,
    extended_at       TIMESTAMPTZ NOT NULL,
    extended_by       TEXT        NOT NULL
);
CREATE INDEX entry_extension_entry ON entry_extension (entry_id);

CREATE TABLE entry_transfer (
    id              UUID        PRIMARY KEY,
    entry_id        UUID        NOT NULL REFERENCES registry_entry (id),
    from_region     CHAR(9)     NOT NULL,
    to_region       CHAR(9)     NOT NULL,
    reason          TEXT        NOT NULL,
    new_address     TEXT,
    requested_at    TIMESTAMPTZ NOT NULL,
    requested_by    TEXT        NOT NULL,
    file_due_date   DATE        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    decision_reason TEXT
);
CREATE INDEX entry_transfer_entry ON entry_transfer (entry_id);
CREATE UNIQUE INDEX entry_transfer_one_pending ON entry_transfer (entry_id) WHERE status = 'PENDING';
CREATE INDEX entry_transfer_to ON entry_transfer (to_region) WHERE status = 'PENDING';

CREATE TABLE control_visit (
    id          UUID        PRIMARY KEY,
    entry_id    UUID        NOT NULL REFERENCES registry_entry (id),
    visit_date  DATE        NOT NULL,
    officer     TEXT        NOT NULL,
    form        TEXT        NOT NULL,
    result      TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT        NOT NULL
);
CREATE INDEX control_visit_entry ON control_visit (entry_id, visit_date);

-- Who changed what, when: one row per change of an entry, with the fields before and after.
CREATE TABLE entry_history (
    id       BIGSERIAL   PRIMARY KEY,
    entry_id UUID        NOT NULL REFERENCES registry_entry (id),
    at       TIMESTAMPTZ NOT NULL,
    actor    TEXT        NOT NULL,
    action   TEXT        NOT NULL,
    changes  JSONB       NOT NULL
);
CREATE INDEX entry_history_entry ON entry_history (entry_id, id);

-- Deadlines the scheduler raised, for officers to act on.
CREATE TABLE work_item (
    id          UUID        PRIMARY KEY,
    entry_id    UUID        NOT NULL REFERENCES registry_entry (id),
    kind        TEXT        NOT NULL,
    region      CHAR(9)     NOT NULL,
    due_date    DATE        NOT NULL,
    details     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ,
    resolved_by TEXT,
    resolution  TEXT,
    UNIQUE (entry_id, kind, due_date)
);
CREATE INDEX work_item_open ON work_item (region, due_date) WHERE resolved_at IS NULL;
