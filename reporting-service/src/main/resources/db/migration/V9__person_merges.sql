-- Persons merged in the registry (person.merged: a person registered without an IIN turned out to be one
-- known by IIN; the merged id is a tombstone, its entries belong to the survivor). Figures that compare an
-- entry with the same person's other entries (repeat registrations) must see one person, so entry_fact is
-- re-keyed to the survivor when the merge is applied, and an entry registered under the merged id that
-- arrives later (the persons' and the entries' topics have no order between them, in a replay above all)
-- is resolved through this table when written. Ids only. A read model: rebuilt and digested with the facts.
CREATE TABLE person_merge (
    merged_person_id   UUID PRIMARY KEY,
    survivor_person_id UUID NOT NULL
);
CREATE INDEX person_merge_survivor ON person_merge (survivor_person_id);
