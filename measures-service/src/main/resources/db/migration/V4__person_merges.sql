-- Persons merged in the registry (person.merged: a person registered without an IIN turned out to be one
-- known by IIN; the merged id is a tombstone, its entries are the survivor's). A plan keeps its entry's
-- person: the executing organisation's person summary is asked of the registry by that id, which answers
-- nothing for a tombstone, and plans are searched and audited by it. The plans of the merged id take the
-- survivor when the merge is applied; a plan opened later for an entry registered under the merged id
-- (the persons' and the entries' topics have no order between them) takes it from here. Ids only.
CREATE TABLE person_merge (
    merged_person_id   UUID PRIMARY KEY,
    survivor_person_id UUID NOT NULL
);
CREATE INDEX person_merge_survivor ON person_merge (survivor_person_id);
