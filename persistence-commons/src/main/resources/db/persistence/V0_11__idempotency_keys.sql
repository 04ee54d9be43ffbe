-- Idempotent creation (persistence-commons): the first answer to a POST with an Idempotency-Key
-- is kept, and a retry with the same key and body gets it again instead of a second resource.
CREATE TABLE idempotency_key (
    caller       TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INT         NOT NULL,
    location     TEXT,
    etag         TEXT,
    body         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (caller, key)
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
