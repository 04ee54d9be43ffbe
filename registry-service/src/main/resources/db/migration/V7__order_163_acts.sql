-- The acts Order 163 times that the registry did not record before (issue 10), so their deadlines
-- can be monitored like the others (entry_deadline, work_item):
-- * doc_received_on: the day the court ruling reached the keeping body; special requirements are
--   registered within 3 calendar days of it. Null means "received on the ruling's date".
-- * prosecutor_copy_*: the copy of an official warning sent to the prosecutor (within 24 h of the
--   warning), recorded once per entry.
ALTER TABLE registry_entry ADD COLUMN doc_received_on DATE;
ALTER TABLE registry_entry ADD COLUMN prosecutor_copy_sent_on DATE;
ALTER TABLE registry_entry ADD COLUMN prosecutor_copy_number TEXT;
ALTER TABLE registry_entry ADD COLUMN prosecutor_copy_recorded_by TEXT;
ALTER TABLE registry_entry ADD CONSTRAINT registry_entry_prosecutor_copy_whole
    CHECK ((prosecutor_copy_sent_on IS NULL) = (prosecutor_copy_number IS NULL));

-- The quarterly review of an active case file by a deputy chief (an authorised head of the keeping
-- body): its own record, not a control visit; the next review is due three months after the last.
CREATE TABLE file_review (
    id            UUID        PRIMARY KEY,
    entry_id      UUID        NOT NULL REFERENCES registry_entry (id),
    reviewed_on   DATE        NOT NULL,
    reviewer      TEXT        NOT NULL,
    reviewer_unit CHAR(9)     NOT NULL,
    findings      TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX file_review_entry ON file_review (entry_id, reviewed_on);

-- A person registered without an IIN and later found to be someone known (or given an IIN) is merged
-- into the survivor: the merged row stays as a tombstone pointing to it, so old ids still resolve.
ALTER TABLE person ADD COLUMN merged_into UUID REFERENCES person (id);
ALTER TABLE person ADD COLUMN merged_at TIMESTAMPTZ;
ALTER TABLE person ADD CONSTRAINT person_merged_whole CHECK ((merged_into IS NULL) = (merged_at IS NULL));
ALTER TABLE person ADD CONSTRAINT person_not_merged_into_itself CHECK (merged_into <> id);
