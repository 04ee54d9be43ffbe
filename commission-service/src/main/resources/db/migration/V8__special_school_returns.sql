-- When the law says how soon an item must be examined (a child back from a special school: within
-- 3 working days, Art. 80), the date it must be examined by.
ALTER TABLE agenda_item ADD COLUMN examine_by DATE;

-- Special-school placements of minors, kept from measure.assigned: the measure's later events
-- carry no entry or person, and the return proposal needs both (as instructions keep theirs).
CREATE TABLE special_school_stay (
    measure_id UUID PRIMARY KEY,
    entry_id   UUID,
    person_id  UUID,
    region     TEXT NOT NULL,
    type       TEXT NOT NULL
);
