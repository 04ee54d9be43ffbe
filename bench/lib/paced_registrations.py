#!/usr/bin/env python3
"""Registrations at a steady rate below saturation, each answer's arrival time kept.

  paced_registrations.py URL TOKEN RATE SECONDS SEED OUT.tsv

Writes one line per registered entry: its id and the wall-clock time (epoch seconds) its 201 arrived.
The registry commits before it answers, so that time is a moment just after the commit: bench/run
measures commit -> applied from it (the entry's own created_at is taken inside the transaction, before
the rest of the registration, and would count the registration's time as the pipeline's).
wrk cannot do this: its Lua has no wall clock finer than a second.
"""
import http.client, json, sys, threading, time, urllib.parse, datetime

url, token, rate, seconds, seed, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
u = urllib.parse.urlsplit(url)
W1 = list(range(1, 12)); W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]

def iin(n):
    """A valid IIN of a man born in the 20th century (century digit 3), one per n; None where the check digit fails."""
    day = datetime.date(1970, 1, 1) + datetime.timedelta(days=(n // 10000) % 10000)
    s = "%02d%02d%02d3%04d" % (day.year % 100, day.month, day.day, n % 10000)
    d = [int(c) for c in s]
    c = sum(a * b for a, b in zip(d, W1)) % 11
    if c == 10:
        c = sum(a * b for a, b in zip(d, W2)) % 11
    return None if c == 10 else s + str(c)

today = datetime.date.today().isoformat()
results, failures, lock = [], [], threading.Lock()
THREADS = 4
interval = THREADS / rate

def worker(k):
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    n = seed * 1000000 + 900000 + k * 20000
    nxt = time.time() + k * interval / THREADS
    end = time.time() + seconds
    while time.time() < end:
        time.sleep(max(0.0, nxt - time.time()))
        nxt += interval
        i = None
        while i is None:
            n += 1
            i = iin(n)
        body = json.dumps({"person": {"iin": i, "lastName": "Ахметов", "firstName": "Данияр", "citizenship": "KAZ",
                                      "address": {"text": "г. Алматы, ул. Абая, 10", "kato": "751110000"}},
                           "category": "OFFICIAL_WARNING",
                           "groundingDocument": {"type": "COURT_RULING", "number": "P-" + i, "date": today, "issuer": "Суд"},
                           "registeringBody": "УП", "responsibleOfficer": {"name": "Сапаров А. К.", "rank": "капитан"},
                           "region": "750000000", "startDate": today})
        try:
            conn.request("POST", u.path, body.encode(), {"Content-Type": "application/json", "Authorization": "Bearer " + token})
            r = conn.getresponse(); data = r.read(); at = time.time()
        except (OSError, http.client.HTTPException) as e:
            with lock: failures.append(str(e))
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            continue
        if r.status == 201:
            with lock: results.append((r.getheader("Location").rsplit("/", 1)[1], at))
        else:
            with lock: failures.append(str(r.status))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
[t.start() for t in threads]; [t.join() for t in threads]
with open(out, "w") as f:
    for i, at in results:
        f.write("%s\t%.6f\n" % (i, at))
print("RESULT registered=%d failed=%d rate=%.1f" % (len(results), len(failures), len(results) / seconds))
