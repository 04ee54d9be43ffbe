-- The responsible officer's platform account (the token's sub), beside the name and rank kept as
-- written: reporting attributes an entry's prevention work to it (issue 12 §6). Optional: entries
-- registered before, and officers named without an account, are attributed to their unit only.
ALTER TABLE registry_entry ADD COLUMN officer_user_id UUID;
