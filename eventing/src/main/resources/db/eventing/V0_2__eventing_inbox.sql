-- Idempotent inbox (eventing library). A consumer records every event id it applied in the same
-- transaction as the change the event caused: a redelivered, replayed or twice-published event
-- finds its id here and changes nothing.
CREATE TABLE inbox_event (
    consumer         TEXT        NOT NULL,
    event_id         UUID        NOT NULL,
    type             TEXT        NOT NULL,
    topic            TEXT        NOT NULL,
    aggregateid      TEXT        NOT NULL,
    aggregateversion BIGINT      NOT NULL,
    applied_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);

-- The highest version applied per aggregate and consumer, to see gaps and stale events.
CREATE TABLE inbox_aggregate (
    consumer     TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    aggregateid  TEXT        NOT NULL,
    last_version BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, topic, aggregateid)
);

CREATE INDEX inbox_event_applied ON inbox_event (applied_at);
