-- Read models of reporting-service, fed only by events (registry, measures, commissions): one row
-- per aggregate (entry, measure, instruction, control visit), written with upserts keyed by the
-- aggregate's id, so a redelivered or replayed event changes nothing. Figures are counted from
-- these rows at query time. Each row keeps its territory at every KATO level (region, district,
-- rural district, settlement) as computed once in Java from the code's own level: a code such as
-- 271000000 has a district (271000000) but no rural district, and is counted there under its own code.
-- No names, IINs or birth dates: persons are known by the registry's ids.
CREATE TABLE entry_fact (
    entry_id          UUID    PRIMARY KEY,
    person_id         UUID    NOT NULL,
    category          TEXT    NOT NULL,
    category_group    TEXT    NOT NULL,
    minor             BOOLEAN NOT NULL,
    sex               TEXT,
    age_at_registration INT,
    measure           TEXT,
    registered_region TEXT    NOT NULL,
    region            TEXT    NOT NULL,
    kato_1            TEXT    NOT NULL,
    kato_2            TEXT    NOT NULL,
    kato_3            TEXT    NOT NULL,
    kato_4            TEXT    NOT NULL,
    registered_on     DATE    NOT NULL,
    removed_on        DATE,
    removal_reason    TEXT,
    removal_early     BOOLEAN,
    control_frequency TEXT
);
CREATE INDEX entry_fact_registered ON entry_fact (registered_on);
CREATE INDEX entry_fact_removed ON entry_fact (removed_on);
CREATE INDEX entry_fact_person ON entry_fact (person_id);
CREATE INDEX entry_fact_region ON entry_fact (region text_pattern_ops);

-- One row per transfer (the registry's transfer id).
CREATE TABLE transfer_fact (
    transfer_id    UUID PRIMARY KEY,
    entry_id       UUID NOT NULL,
    from_region    TEXT NOT NULL,
    to_region      TEXT NOT NULL,
    transferred_on DATE NOT NULL
);

-- One row per control visit: the entry's event stream version identifies it.
CREATE TABLE control_fact (
    entry_id   UUID    NOT NULL,
    version    BIGINT  NOT NULL,
    region     TEXT    NOT NULL,
    kato_1     TEXT    NOT NULL,
    kato_2     TEXT    NOT NULL,
    kato_3     TEXT    NOT NULL,
    kato_4     TEXT    NOT NULL,
    visit_date DATE    NOT NULL,
    due_date   DATE,
    on_time    BOOLEAN NOT NULL,
    PRIMARY KEY (entry_id, version)
);

-- One row per measure. Each event writes only its own columns, so the row is the same whatever
-- the order in which a replay brings them (an update's due date wins by its stream version).
CREATE TABLE measure_fact (
    measure_id     UUID    PRIMARY KEY,
    plan_id        UUID,
    entry_id       UUID,
    minor          BOOLEAN,
    type           TEXT,
    type_kind      TEXT,
    agency         TEXT,
    region         TEXT,
    kato_1         TEXT,
    kato_2         TEXT,
    kato_3         TEXT,
    kato_4         TEXT,
    assigned_on    DATE,
    due_date       DATE,
    due_version    BIGINT  NOT NULL DEFAULT 0,
    completed_on   DATE,
    cancelled_on   DATE,
    cancel_reason  TEXT,
    overdue_on     DATE,
    decision_id    UUID,
    instruction_id TEXT
);
CREATE INDEX measure_fact_assigned ON measure_fact (assigned_on);
CREATE INDEX measure_fact_instruction ON measure_fact (decision_id, instruction_id);

-- One row per instruction of a commission's decision.
CREATE TABLE instruction_fact (
    decision_id     UUID NOT NULL,
    instruction_id  TEXT NOT NULL,
    commission_id   UUID NOT NULL,
    commission_kind TEXT NOT NULL,
    region          TEXT NOT NULL,
    kato_1          TEXT NOT NULL,
    kato_2          TEXT NOT NULL,
    kato_3          TEXT NOT NULL,
    kato_4          TEXT NOT NULL,
    adopted_on      DATE NOT NULL,
    entry_id        UUID,
    measure_type    TEXT NOT NULL,
    agency          TEXT NOT NULL,
    due_date        DATE NOT NULL,
    PRIMARY KEY (decision_id, instruction_id)
);
CREATE INDEX instruction_fact_adopted ON instruction_fact (adopted_on);
