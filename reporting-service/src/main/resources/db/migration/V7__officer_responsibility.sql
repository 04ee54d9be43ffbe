-- Officers' and units' objective prevention-work indicators (issue 12 §6; Law No. 380-IV Art. 1.3-1),
-- internal: shown to the officer and the authorised heads above them, never published.
--
-- Who held an entry from which day, one row per entry.officer-assigned event (its stream version
-- identifies it, so a redelivery or a replay writes nothing new). The unit is the keeping agency in
-- the district (KATO level 2; a code of a higher level is its own district, as in Territory.at);
-- officer_id is the officer's platform account (the token's sub), null when named without one.
-- A row holds until the entry's next row by version: the end is derived at query time, so rows
-- never change and any order of application gives the same table.
CREATE TABLE responsibility_fact (
    entry_id   UUID   NOT NULL,
    version    BIGINT NOT NULL,
    region     TEXT   NOT NULL,
    agency     TEXT,
    unit_kato  TEXT   NOT NULL,
    officer_id UUID,
    from_date  DATE   NOT NULL,
    occasion   TEXT   NOT NULL,
    PRIMARY KEY (entry_id, version)
);
CREATE INDEX responsibility_fact_officer ON responsibility_fact (officer_id);
CREATE INDEX responsibility_fact_unit ON responsibility_fact (agency, unit_kato text_pattern_ops);

-- Order 163 deadlines missed (entry.deadline-missed): one row per entry, deadline and due date (the
-- registry raises each once), attributed to whoever held the entry on the due date.
CREATE TABLE deadline_missed_fact (
    entry_id UUID NOT NULL,
    deadline TEXT NOT NULL,
    due_date DATE NOT NULL,
    region   TEXT NOT NULL,
    rule     TEXT,
    PRIMARY KEY (entry_id, deadline, due_date)
);
CREATE INDEX deadline_missed_fact_due ON deadline_missed_fact (due_date);

-- Units' measures executed on time are read by completion date.
CREATE INDEX measure_fact_completed ON measure_fact (completed_on);
