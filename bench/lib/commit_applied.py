#!/usr/bin/env python3
"""commit -> applied of paced registrations, bounded on both sides.

  commit_applied.py PACED.tsv   (lines: entry id, epoch seconds its 201 arrived; from paced_registrations.py)

The registry's commit lies between the entry's created_at (taken inside the transaction, before the
rest of the registration) and the moment its answer arrived, so:
  lower bound = plan created_at in measures - answer arrival   (the answer's trip and the client's wake-up left out)
  upper bound = plan created_at in measures - entry created_at (the rest of the registration counted in)
The plan's created_at is taken in measures-service's applying transaction, which commits right after it.
"""
import os, subprocess, sys

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
if not rows:
    print("samples=0"); sys.exit()
ids = ",".join("'%s'" % r[0] for r in rows)
psql = ["psql", "-h", os.environ.get("PG_HOST", "127.0.0.1"), "-p", os.environ.get("PG_PORT", "5432"),
        "-U", os.environ.get("PG_ADMIN_USER", "postgres"), "-qAt", "-F", "\t"]

def query(db, sql):
    out = subprocess.run(psql + ["-d", db, "-c", sql], capture_output=True, text=True, check=True).stdout
    return {k: float(v) for k, v in (l.split("\t") for l in out.splitlines() if l)}

plans = query("measures", "SELECT entry_id, extract(epoch FROM created_at) FROM prevention_plan WHERE entry_id IN (%s)" % ids)
created = query("registry", "SELECT id, extract(epoch FROM created_at) FROM registry_entry WHERE id IN (%s)" % ids)
low = sorted((plans[i] - float(at)) * 1000 for i, at in rows if i in plans)
high = sorted((plans[i] - created[i]) * 1000 for i, at in rows if i in plans and i in created)

def q(lat, f):
    return lat[min(len(lat) - 1, int(f * len(lat)))]

if not low:
    print("samples=0 missing=%d" % len(rows)); sys.exit()
print("samples=%d missing=%d low_p50_ms=%.1f low_p99_ms=%.1f high_p50_ms=%.1f high_p99_ms=%.1f high_max_ms=%.1f"
      % (len(low), len(rows) - len(low), q(low, .5), q(low, .99), q(high, .5), q(high, .99), high[-1]))
