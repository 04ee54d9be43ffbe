-- entry.registered.v2 no longer carries the exact age at registration (issue 10: events keep only what a
-- consumer needs, and an exact age with a district and a day singles a person out). No figure used it.
ALTER TABLE entry_fact DROP COLUMN age_at_registration;
