-- Idempotency keys keep only where the created resource is and its ETag: a retry gets the
-- resource again through the normal, authorised and audited read, so no personal data (names,
-- IINs, birth dates of stored answers) sits in this table. Keys are pruned after a day.
DELETE FROM idempotency_key;
ALTER TABLE idempotency_key DROP COLUMN status, DROP COLUMN body, DROP COLUMN etag;
ALTER TABLE idempotency_key RENAME COLUMN location TO resource_location;
