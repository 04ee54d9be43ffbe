-- The catalog version a measure was decided under (issue 10: "entries and measures record the catalog
-- version used"), as "<catalog version>/<effective date of the rule>". Earlier measures keep NULL.
ALTER TABLE measure ADD COLUMN type_rule VARCHAR(64);
