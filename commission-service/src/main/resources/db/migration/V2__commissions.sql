-- Commissions (interdepartmental "Law and Order" and minors' affairs) at each level, the act that
-- approved their membership, their voting rules (the law gives none: see commission/voting-rules.json),
-- and their members with the Keycloak username a member's token carries.
CREATE TABLE commission (
    id                     UUID        PRIMARY KEY,
    kind                   TEXT        NOT NULL CHECK (kind IN ('INTERDEPARTMENTAL', 'MINORS_AFFAIRS')),
    level                  TEXT        NOT NULL CHECK (level IN ('NATIONAL', 'REGION', 'CITY', 'DISTRICT', 'VILLAGE')),
    territory              TEXT        NOT NULL CHECK (territory ~ '^[0-9]{9}$'),
    name                   TEXT        NOT NULL,
    act_authority          TEXT        NOT NULL,
    act_number             TEXT        NOT NULL,
    act_date               DATE        NOT NULL,
    quorum_numerator       INT         NOT NULL,
    quorum_denominator     INT         NOT NULL,
    majority_base          TEXT        NOT NULL CHECK (majority_base IN ('PRESENT', 'CAST')),
    chair_casting_vote     BOOLEAN     NOT NULL,
    regular_period_months  INT         NOT NULL,
    rules_version          TEXT        NOT NULL,
    created_by             TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    version                BIGINT      NOT NULL,
    CHECK (quorum_numerator > 0 AND quorum_numerator <= quorum_denominator),
    CHECK (regular_period_months BETWEEN 1 AND 24)
);
CREATE INDEX commission_territory ON commission (territory);
-- One commission of a kind per territory and level.
CREATE UNIQUE INDEX commission_one_per_territory ON commission (kind, level, territory);

CREATE TABLE commission_member (
    id            UUID        PRIMARY KEY,
    commission_id UUID        NOT NULL REFERENCES commission (id),
    full_name     TEXT        NOT NULL,
    username      TEXT        NOT NULL,
    agency        TEXT        NOT NULL,
    position      TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('CHAIR', 'DEPUTY_CHAIR', 'SECRETARY', 'MEMBER')),
    from_date     DATE        NOT NULL,
    to_date       DATE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL,
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX commission_member_of ON commission_member (commission_id);
CREATE INDEX commission_member_username ON commission_member (username);
