-- Where a transferred plan is now (its last transfer by the plan's stream version). A measure takes
-- its plan's territory from here whatever the order in which a replay brings the plans' and the
-- measures' topics, so a rebuild puts every measure where live consumption did.
CREATE TABLE plan_transfer_fact (
    plan_id UUID   PRIMARY KEY,
    region  TEXT   NOT NULL,
    version BIGINT NOT NULL
);
