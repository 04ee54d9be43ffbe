-- An aggregate whose event could not be applied (a poison event, or a version gap that did not
-- close) is quarantined: its later events follow the first to the dead-letter topic, in order,
-- instead of being applied past the hole. A person clears the quarantine after repairing it.
ALTER TABLE inbox_aggregate ADD COLUMN quarantine_reason TEXT, ADD COLUMN quarantined_at TIMESTAMPTZ;
CREATE INDEX inbox_aggregate_quarantined ON inbox_aggregate (consumer) WHERE quarantine_reason IS NOT NULL;
