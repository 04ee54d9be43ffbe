-- Order 163 deadlines of an entry, each counted with the working-day calendar and the deadline
-- catalog's version in force on the day it started (reference-data: order-163-deadlines,
-- working-days/<year>). One row per deadline and what started it (ref: 'entry', a transfer's id,
-- or the date the rolling monthly check counts from); met_on when it was met, raised_at when the
-- monitor (or the registration, for data entered late) raised it — once.
-- Entries and pending transfers from before this migration get no rows: their deadlines are not
-- back-filled (the monthly check, computed from the control sheet, covers them).
CREATE TABLE entry_deadline (
    id         UUID        PRIMARY KEY,
    entry_id   UUID        NOT NULL REFERENCES registry_entry (id),
    code       TEXT        NOT NULL,
    ref        TEXT        NOT NULL,
    starts_on  DATE        NOT NULL,
    due_on     DATE        NOT NULL,
    rule       TEXT        NOT NULL,
    met_on     DATE,
    raised_at  TIMESTAMPTZ,
    UNIQUE (entry_id, code, ref)
);
CREATE INDEX entry_deadline_open ON entry_deadline (due_on) WHERE met_on IS NULL AND raised_at IS NULL;
CREATE INDEX control_visit_form ON control_visit (entry_id, form, visit_date);
