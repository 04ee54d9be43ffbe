-- Issue 12: report jobs kept across restarts; Order 163's deadlines and terms in the published figures.

-- Report jobs and their finished files. NOT read models: they come from callers' requests, not
-- from events, so they are not in FactStore.TABLES / REBUILT_TABLES (a rebuild neither copies nor
-- replaces them, and the read models' digests leave them out). The job's progress (percent, stage)
-- is written as it advances, once per stage; runner is the process (a random id per start) that
-- queued it. Every process says it is alive in report_runner; a job whose runner has gone silent
-- (crashed, stopped, replaced by a rolling update) is failed by whichever replica looks next, while
-- the jobs of replicas still running are left to them.
CREATE TABLE report_job (
    job_id      UUID        PRIMARY KEY,
    owner       TEXT        NOT NULL,
    year        INT         NOT NULL,
    region      TEXT        NOT NULL,
    lang        TEXT        NOT NULL,
    suppressed  BOOLEAN     NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    percent     INT         NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    stage       TEXT        NOT NULL,
    error       TEXT,
    runner      UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
CREATE INDEX report_job_unfinished ON report_job (runner) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX report_job_finished ON report_job (finished_at);

CREATE TABLE report_runner (
    runner  UUID        PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL
);

-- A finished job's files, written in the transaction that marks it DONE (a DONE job has all of
-- them); the SHA-256 (hex) is checked when a file is served and sent as its Repr-Digest.
CREATE TABLE report_file (
    job_id       UUID  NOT NULL REFERENCES report_job (job_id) ON DELETE CASCADE,
    format       TEXT  NOT NULL,
    content_type TEXT  NOT NULL,
    sha256       TEXT  NOT NULL,
    bytes        BYTEA NOT NULL,
    PRIMARY KEY (job_id, format)
);

-- Order 163 deadlines missed are now published (ORDER163_DEADLINES_MISSED): counted by territory at
-- every KATO level like the other facts. The levels are the code's own digits up to each level's
-- end, zero-filled (Territory.at: a code of a higher level is its own territory below it), so the
-- rows already stored get them here; new rows get them from FactStore.
ALTER TABLE deadline_missed_fact
    ADD COLUMN kato_1 TEXT, ADD COLUMN kato_2 TEXT, ADD COLUMN kato_3 TEXT, ADD COLUMN kato_4 TEXT;
UPDATE deadline_missed_fact SET kato_1 = rpad(left(region, 2), 9, '0'), kato_2 = rpad(left(region, 4), 9, '0'),
    kato_3 = rpad(left(region, 6), 9, '0'), kato_4 = region;
ALTER TABLE deadline_missed_fact
    ALTER COLUMN kato_1 SET NOT NULL, ALTER COLUMN kato_2 SET NOT NULL, ALTER COLUMN kato_3 SET NOT NULL,
    ALTER COLUMN kato_4 SET NOT NULL;

-- Terms that reached their end with the entry still on the registry (entry.term-expired: the registry
-- raises it once per entry and end date, the day after the end, when neither a removal nor an
-- extension came by then). Keyed by entry and end date, so a redelivery changes nothing and an
-- extended term that expires again is a new row.
CREATE TABLE term_expired_fact (
    entry_id UUID NOT NULL,
    end_date DATE NOT NULL,
    region   TEXT NOT NULL,
    kato_1   TEXT NOT NULL,
    kato_2   TEXT NOT NULL,
    kato_3   TEXT NOT NULL,
    kato_4   TEXT NOT NULL,
    measure  TEXT NOT NULL,
    PRIMARY KEY (entry_id, end_date)
);
CREATE INDEX term_expired_fact_end ON term_expired_fact (end_date);

-- CONTROL_RHYTHM_*: an entry's control due dates in a period, visited or missed.
CREATE INDEX control_fact_due ON control_fact (due_date);
