-- The outbox, leaner (eventing library, issue "core at speed"):
-- * the relay is woken by the writing JVM after commit, plus a cheap poll for other replicas, so
--   the per-row NOTIFY (a cluster-wide lock at every commit) goes;
-- * rows hold the envelope's attributes and the data as text: the relay composes the envelope
--   when it publishes, so PostgreSQL never parses JSON on the hot path;
-- * a published row is deleted, not updated: no index churn, no pruning pass, the table stays small;
-- * an aggregate whose event can never be published (e.g. too large) is parked, alone, visibly.
DROP TRIGGER IF EXISTS outbox_notify ON outbox;
DROP FUNCTION IF EXISTS eventing_outbox_notify();

DELETE FROM outbox WHERE sent_at IS NOT NULL;
ALTER TABLE outbox ADD COLUMN time TIMESTAMPTZ, ADD COLUMN traceparent TEXT, ADD COLUMN data TEXT;
UPDATE outbox SET time = (payload->>'time')::timestamptz, traceparent = payload->>'traceparent',
                  data = (payload->'data')::text;
DROP INDEX IF EXISTS outbox_pending;
DROP INDEX IF EXISTS outbox_sent;
ALTER TABLE outbox DROP COLUMN payload, DROP COLUMN sent_at, DROP COLUMN created_at, DROP COLUMN attempts,
    DROP COLUMN last_error;
ALTER TABLE outbox ALTER COLUMN time SET NOT NULL, ALTER COLUMN data SET NOT NULL;
-- One aggregate's rows are looked up when it is parked or retried.
CREATE INDEX outbox_aggregate ON outbox (aggregatetype, aggregateid, seq);

CREATE TABLE outbox_parked (
    aggregatetype TEXT        NOT NULL,
    aggregateid   TEXT        NOT NULL,
    seq           BIGINT      NOT NULL,
    error         TEXT        NOT NULL,
    parked_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (aggregatetype, aggregateid)
);
