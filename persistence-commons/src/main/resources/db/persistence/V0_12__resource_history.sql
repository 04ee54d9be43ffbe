-- Who changed what, when (persistence-commons): one row per change of a resource, with each
-- changed field before and after. Shown to users as a resource's history.
CREATE TABLE resource_history (
    id            BIGSERIAL   PRIMARY KEY,
    resource_type TEXT        NOT NULL,
    resource_id   UUID        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    actor         TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    changes       JSONB       NOT NULL
);
CREATE INDEX resource_history_resource ON resource_history (resource_type, resource_id, id);
