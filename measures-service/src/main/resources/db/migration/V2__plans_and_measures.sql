-- Individual prevention plans (one per registry entry) and general plans (a territory's programme),
-- the measures assigned in them to subjects of prevention, and what became of commission
-- decisions' instructions. No names or IINs here: persons are known by the registry's ids.
CREATE TABLE prevention_plan (
    id               UUID        PRIMARY KEY,
    kind             TEXT        NOT NULL CHECK (kind IN ('INDIVIDUAL', 'GENERAL')),
    entry_id         UUID        UNIQUE,
    person_id        UUID,
    decision_id      UUID,
    general_kind     TEXT,
    title            TEXT,
    region           TEXT        NOT NULL,
    category         TEXT,
    minor            BOOLEAN     NOT NULL DEFAULT FALSE,
    grounding_measure TEXT,
    measure_end_date DATE,
    status           TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_on        DATE        NOT NULL,
    opened_by        TEXT        NOT NULL,
    closed_on        DATE,
    close_reason     TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL,
    CHECK (kind = 'GENERAL' OR entry_id IS NOT NULL)
);
CREATE INDEX prevention_plan_region ON prevention_plan (region);
CREATE INDEX prevention_plan_person ON prevention_plan (person_id);
CREATE UNIQUE INDEX prevention_plan_decision ON prevention_plan (decision_id) WHERE kind = 'GENERAL';

CREATE TABLE measure (
    id                 UUID        PRIMARY KEY,
    plan_id            UUID        NOT NULL REFERENCES prevention_plan (id),
    type               TEXT        NOT NULL,
    type_kind          TEXT        NOT NULL,
    executing_agency   TEXT        NOT NULL,
    responsible_person TEXT,
    region             TEXT        NOT NULL,
    minor              BOOLEAN     NOT NULL DEFAULT FALSE,
    start_date         DATE        NOT NULL,
    due_date           DATE        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    started_on         DATE,
    completed_on       DATE,
    result             TEXT,
    evidence_ref       TEXT,
    cancel_reason      TEXT,
    cancel_note        TEXT,
    overdue_raised_for DATE,
    decision_id        UUID,
    instruction_id     TEXT,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL,
    CHECK (due_date >= start_date),
    CHECK (status <> 'DONE' OR (result IS NOT NULL AND completed_on IS NOT NULL))
);
CREATE INDEX measure_plan ON measure (plan_id);
CREATE INDEX measure_queue ON measure (executing_agency, status, due_date);
CREATE INDEX measure_open_due ON measure (due_date) WHERE status IN ('PLANNED', 'IN_PROGRESS');
CREATE UNIQUE INDEX measure_instruction ON measure (decision_id, instruction_id) WHERE decision_id IS NOT NULL;

-- Every instruction of every decision received, and what was done with it: APPLIED (a measure),
-- WAITING_FOR_PLAN (its entry's plan has not opened yet), REJECTED (with the reason).
CREATE TABLE decision_instruction (
    decision_id      UUID        NOT NULL,
    instruction_id   TEXT        NOT NULL,
    commission_kind  TEXT        NOT NULL,
    decision_number  TEXT        NOT NULL,
    region           TEXT        NOT NULL,
    entry_id         UUID,
    measure_type     TEXT        NOT NULL,
    executing_agency TEXT        NOT NULL,
    due_date         DATE        NOT NULL,
    adopted_on       DATE        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('APPLIED', 'WAITING_FOR_PLAN', 'REJECTED')),
    reason           TEXT,
    measure_id       UUID,
    received_at      TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (decision_id, instruction_id)
);
CREATE INDEX decision_instruction_waiting ON decision_instruction (entry_id) WHERE status = 'WAITING_FOR_PLAN';
