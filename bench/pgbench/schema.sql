DROP TABLE IF EXISTS bench_entry, bench_outbox;
CREATE TABLE bench_entry (id uuid PRIMARY KEY, person_id uuid NOT NULL, category text NOT NULL, region text NOT NULL,
  case_number text NOT NULL UNIQUE, status text NOT NULL, payload text, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX ON bench_entry (region);
CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, aggregate_id text NOT NULL, aggregate_version bigint NOT NULL,
  type text NOT NULL, topic text NOT NULL, data text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
