-- Order 163's control deadlines missed: one row per entry and missed due date (the registry raises
-- control-overdue once per due date), so a redelivery changes nothing.
CREATE TABLE control_overdue_fact (
    entry_id     UUID NOT NULL,
    due_date     DATE NOT NULL,
    region       TEXT NOT NULL,
    kato_1       TEXT NOT NULL,
    kato_2       TEXT NOT NULL,
    kato_3       TEXT NOT NULL,
    kato_4       TEXT NOT NULL,
    measure      TEXT,
    days_overdue INT  NOT NULL,
    PRIMARY KEY (entry_id, due_date)
);
CREATE INDEX control_overdue_fact_due ON control_overdue_fact (due_date);
