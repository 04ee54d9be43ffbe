-- Tamper-evident audit log of every read and change of personal data (persistence-commons).
-- Each row carries the SHA-256 of its own content and of the previous row: changing, removing
-- or inserting a row breaks the chain at that row, which GET /api/v1/audit/verify reports.
CREATE TABLE audit_log (
    seq           BIGINT      PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    actor         TEXT        NOT NULL,
    actor_roles   TEXT        NOT NULL,
    agency        TEXT,
    region        TEXT,
    client        TEXT,
    action        TEXT        NOT NULL,
    resource_type TEXT        NOT NULL,
    resource_id   TEXT,
    person_id     UUID,
    purpose       TEXT,
    details       TEXT,
    prev_hash     TEXT        NOT NULL,
    hash          TEXT        NOT NULL
);

CREATE INDEX audit_log_person ON audit_log (person_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_at ON audit_log (at);

-- The chain's head; appending locks it, so rows get consecutive numbers in commit order.
CREATE TABLE audit_chain_head (
    id        INT    PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT NOT NULL,
    last_hash TEXT   NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
