-- Transactional outbox (eventing library). A service writes its state change and the event that
-- announces it in one transaction; the relay publishes pending rows to Kafka in seq order.
-- Column names follow the Debezium outbox convention (id, aggregatetype, aggregateid, type,
-- payload); payload holds the complete CloudEvents envelope, so the relay publishes it as is.
CREATE TABLE outbox (
    seq              BIGSERIAL   PRIMARY KEY,
    id               UUID        NOT NULL UNIQUE,
    aggregatetype    TEXT        NOT NULL,
    aggregateid      TEXT        NOT NULL,
    type             TEXT        NOT NULL,
    topic            TEXT        NOT NULL,
    aggregateversion BIGINT      NOT NULL,
    payload          JSONB       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    sent_at          TIMESTAMPTZ,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    last_error       TEXT,
    UNIQUE (aggregatetype, aggregateid, aggregateversion)
);

CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- The last version given out per aggregate. Taking the next one locks the row, so two
-- transactions changing the same aggregate serialise and their events get consecutive
-- versions in commit order: the relay then publishes them in that order.
CREATE TABLE outbox_aggregate_version (
    aggregatetype TEXT   NOT NULL,
    aggregateid   TEXT   NOT NULL,
    version       BIGINT NOT NULL,
    PRIMARY KEY (aggregatetype, aggregateid)
);

-- Wakes the relay at commit (NOTIFY is transactional); polling remains the fallback.
CREATE FUNCTION eventing_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('eventing_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION eventing_outbox_notify();
