-- The audit log at speed and beyond its database owner's reach (persistence-commons):
-- * a row is appended in the request's transaction with no shared lock (the chain head that every
--   audited request queued on is gone); the writing service signs it with a keyed MAC (row_mac)
--   whose key is not in the database, so a row inserted or altered by anyone else is seen;
-- * one sealer per service (a leader, like the outbox relay) chains the rows in the order it sees
--   them commit, in batches (audit_seal: position -> row, chained MAC), and publishes signed
--   checkpoints (head position and MAC) outside the database, on Kafka;
-- * the service's role may only insert and read these tables.
DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;

ALTER TABLE audit_log RENAME COLUMN seq TO id;
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
SELECT setval('audit_log_id_seq', coalesce((SELECT max(id) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN id SET DEFAULT nextval('audit_log_id_seq');
ALTER TABLE audit_log DROP COLUMN prev_hash, DROP COLUMN hash;
ALTER TABLE audit_log ADD COLUMN uid UUID, ADD COLUMN key_id TEXT, ADD COLUMN row_mac TEXT;
CREATE UNIQUE INDEX audit_log_uid ON audit_log (uid);
DROP INDEX IF EXISTS audit_log_person;
DROP INDEX IF EXISTS audit_log_actor;
CREATE INDEX audit_log_person ON audit_log (person_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
DROP TABLE audit_chain_head;

-- Rows written before this migration carry no MAC; they are sealed as they are, and the verifier
-- reports them as legacy rather than forged.
CREATE TABLE audit_meta (
    id            INT    PRIMARY KEY CHECK (id = 1),
    legacy_max_id BIGINT NOT NULL
);
INSERT INTO audit_meta (id, legacy_max_id) SELECT 1, coalesce(max(id), 0) FROM audit_log;

CREATE TABLE audit_seal (
    position  BIGINT      PRIMARY KEY,
    audit_id  BIGINT      NOT NULL UNIQUE,
    key_id    TEXT        NOT NULL,
    mac       TEXT        NOT NULL,
    sealed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_seal_no_change BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_seal, audit_meta FROM ${app_role};
REVOKE INSERT ON audit_meta FROM ${app_role};
GRANT SELECT, INSERT ON audit_log, audit_seal TO ${app_role};
GRANT SELECT ON audit_meta TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE audit_log_id_seq TO ${app_role};
