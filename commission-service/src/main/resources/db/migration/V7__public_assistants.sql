-- Public assistants (Law No. 245-VIII Arts. 1.13, 45-47): a citizen's application filed by a
-- law-enforcement officer, the eligibility checks (age from the IIN, the officer's declared checks,
-- the registry's narrow IIN check), the district akimat's registration within 7 working days, and
-- rewards the akimat's interdepartmental commission decides within the maslikhat's yearly budget.
-- The applicant's names and IIN live here only: events and agenda titles carry ids.
CREATE TABLE public_assistant (
    id                         UUID        PRIMARY KEY,
    iin                        TEXT        NOT NULL CHECK (iin ~ '^[0-9]{12}$'),
    last_name                  TEXT        NOT NULL,
    first_name                 TEXT        NOT NULL,
    middle_name                TEXT,
    address_kato               TEXT        NOT NULL CHECK (address_kato ~ '^[0-9]{9}$'),
    district                   TEXT        NOT NULL CHECK (district ~ '^[0-9]{4}00000$'),
    applied_on                 DATE        NOT NULL,
    registration_due           DATE        NOT NULL,
    deadline_rule              TEXT        NOT NULL,
    filed_by                   TEXT        NOT NULL,
    filed_agency               TEXT        NOT NULL,
    filed_at                   TIMESTAMPTZ NOT NULL,
    -- The checks the officer declares having made (Art. 45): recorded as declared, with who and when.
    not_under_investigation    BOOLEAN     NOT NULL,
    no_intentional_offence_penalty BOOLEAN NOT NULL,
    not_on_drug_register       BOOLEAN     NOT NULL,
    not_on_psychiatric_register BOOLEAN    NOT NULL,
    declared_by                TEXT        NOT NULL,
    declared_at                TIMESTAMPTZ NOT NULL,
    -- The registry's answer (only whether the IIN is on the registry), or why there is none yet.
    on_registry                BOOLEAN,
    registry_checked_at        TIMESTAMPTZ,
    registry_problem           TEXT,
    status                     TEXT        NOT NULL CHECK (status IN ('PENDING_CHECK', 'ELIGIBLE', 'INELIGIBLE', 'REGISTERED', 'REFUSED')),
    ineligible_reasons         TEXT,
    decided_by                 TEXT,
    decided_at                 TIMESTAMPTZ,
    registered_on              DATE,
    refusal_reason             TEXT,
    version                    BIGINT      NOT NULL,
    CHECK (status <> 'REGISTERED' OR registered_on IS NOT NULL),
    CHECK (status <> 'REFUSED' OR refusal_reason IS NOT NULL)
);
CREATE INDEX public_assistant_district ON public_assistant (district, status, registration_due);
-- One open application or registration per person and district at a time.
CREATE UNIQUE INDEX public_assistant_open ON public_assistant (iin, district) WHERE status <> 'REFUSED';

-- The budget for rewards the maslikhat approved for a commission's year.
CREATE TABLE assistant_budget (
    id                  UUID        PRIMARY KEY,
    commission_id       UUID        NOT NULL REFERENCES commission (id),
    budget_year         INT         NOT NULL CHECK (budget_year BETWEEN 2000 AND 2999),
    amount              BIGINT      NOT NULL CHECK (amount >= 0),
    maslikhat_number    TEXT        NOT NULL,
    maslikhat_date      DATE        NOT NULL,
    set_by              TEXT        NOT NULL,
    set_at              TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL,
    UNIQUE (commission_id, budget_year)
);

CREATE TABLE assistant_reward (
    id              UUID        PRIMARY KEY,
    assistant_id    UUID        NOT NULL REFERENCES public_assistant (id),
    commission_id   UUID        NOT NULL REFERENCES commission (id),
    agenda_item_id  UUID        NOT NULL UNIQUE REFERENCES agenda_item (id),
    budget_year     INT         NOT NULL,
    amount          BIGINT      NOT NULL CHECK (amount > 0),
    reason          TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'GRANTED', 'REJECTED', 'REFUSED_OVER_BUDGET', 'DISMISSED')),
    decision_id     UUID,
    decided_on      DATE,
    proposed_by     TEXT        NOT NULL,
    proposed_at     TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL
);
CREATE INDEX assistant_reward_budget ON assistant_reward (commission_id, budget_year, status);
CREATE INDEX assistant_reward_assistant ON assistant_reward (assistant_id);

-- The akimat puts a reward forward to its commission's agenda.
ALTER TABLE agenda_item DROP CONSTRAINT agenda_item_source_check;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_source_check CHECK (source IN ('EVENT', 'SECRETARY', 'AKIMAT'));
