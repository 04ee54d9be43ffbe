-- Issue 10: a measure is assigned to one organisation (BIN, the organisations catalog) of its
-- executing agency, and only that organisation's executors see and work it; before, every
-- executor of the agency in the territory did (every school of Almaty saw every minor's measure).
-- Measures assigned before this migration, and those a commission's instruction creates (its
-- decision names an agency, not an organisation), keep organisation NULL: no executor sees them
-- until a planner routes them to an organisation (PATCH /measures/{id} with "organisation").
-- That is the safe default: a measure waits for routing rather than showing a person to every
-- organisation of the agency.
ALTER TABLE measure ADD COLUMN organisation TEXT CHECK (organisation ~ '^[0-9]{12}$');
-- What the organisation is to do, in the planner's words; shown to that organisation only.
ALTER TABLE measure ADD COLUMN instructions TEXT;

-- An organisation's queue: its measures by status and due date.
CREATE INDEX measure_organisation_queue ON measure (organisation, status, due_date) WHERE organisation IS NOT NULL;
