-- "A person is on the registry under a category once" was checked and then inserted: two
-- registrations at the same moment both passed the check. The database now says it too; the
-- loser of such a race gets a 409.
CREATE UNIQUE INDEX registry_entry_one_active_per_category ON registry_entry (person_id, category)
    WHERE status = 'ACTIVE';
