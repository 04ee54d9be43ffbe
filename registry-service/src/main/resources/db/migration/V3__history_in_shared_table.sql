-- Entry history moves to the shared resource_history table (persistence-commons V0_12).
INSERT INTO resource_history (resource_type, resource_id, at, actor, action, changes)
SELECT 'entry', entry_id, at, actor, action, changes FROM entry_history ORDER BY id;
DROP TABLE entry_history;
