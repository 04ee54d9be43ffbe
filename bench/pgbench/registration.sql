-- The ceiling for a registration: the same two inserts (an entry-sized row and an outbox row with
-- a ~1 KB JSON payload) in one transaction, on the same PostgreSQL, synchronous_commit on.

BEGIN;
INSERT INTO bench_entry (id, person_id, category, region, case_number, status, payload)
  VALUES (gen_random_uuid(), gen_random_uuid(), 'OFFICIAL_WARNING', '750000000', 'C-' || gen_random_uuid(), 'ACTIVE', repeat('x', 600));
INSERT INTO bench_outbox (aggregate_id, aggregate_version, type, topic, data)
  VALUES (gen_random_uuid()::text, 1, 'kz.prevention.registry.entry.registered.v1', 'prevention.registry.entries', repeat('y', 1000));
END;
