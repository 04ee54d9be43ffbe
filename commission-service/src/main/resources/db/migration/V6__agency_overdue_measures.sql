-- Measures reported overdue that no instruction of a commission concerns: counted per agency and
-- territory, so that an agency's repeated lateness is proposed to the territory's commission.
CREATE TABLE overdue_measure (
    measure_id  UUID PRIMARY KEY,
    agency      TEXT NOT NULL,
    region      TEXT NOT NULL,
    due_date    DATE NOT NULL,
    detected_on DATE NOT NULL
);
CREATE INDEX overdue_measure_agency ON overdue_measure (agency, detected_on);
