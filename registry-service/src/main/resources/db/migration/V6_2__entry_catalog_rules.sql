-- The versions of the law's catalogs an entry was decided under (issue 10: "entries and measures record
-- the catalog version used"), as "<catalog version>/<effective date of the rule>". Entries registered
-- before this migration keep NULL: which version applied to them was not recorded.
ALTER TABLE registry_entry ADD COLUMN category_rule VARCHAR(64);
ALTER TABLE registry_entry ADD COLUMN measure_rule VARCHAR(64);
