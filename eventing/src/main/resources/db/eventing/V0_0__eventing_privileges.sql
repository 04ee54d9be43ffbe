-- Migrations run as the database's owner; the service runs as ${app_role}, which may read and
-- change the tables but not their definitions (so it cannot, e.g., switch off a trigger). Tables
-- created by later migrations get the same grants by default; the audit tables revoke what the
-- service must not do to them (persistence-commons, V0_13). When the service runs as the owner
-- itself (app_role defaults to the datasource's user) this changes nothing.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app_role};
