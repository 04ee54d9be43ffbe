-- Persons merged in the registry (person.merged: a person registered without an IIN turned out to be one
-- known by IIN; the merged id is a tombstone, its entries are the survivor's). An agenda item keeps the
-- person it is about: reads of it, its decision and its instructions are audited against that id, and a
-- special-school stay passes it to the return proposal. The merged id's items and stays take the survivor
-- when the merge is applied; an item or stay written later from an event naming the merged id (the
-- persons' topic has no order with the entries' or the measures') takes it from here. Ids only.
CREATE TABLE person_merge (
    merged_person_id   UUID PRIMARY KEY,
    survivor_person_id UUID NOT NULL
);
CREATE INDEX person_merge_survivor ON person_merge (survivor_person_id);
CREATE INDEX agenda_item_person ON agenda_item (person_id) WHERE person_id IS NOT NULL;
