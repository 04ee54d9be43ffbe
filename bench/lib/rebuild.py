#!/usr/bin/env python3
"""Rebuilds reporting-service's read models from every topic (issue 8 item 4) and times it.

  rebuild.py REPORTING_URL TOKEN

POST /api/v1/admin/read-models/rebuild?wait=false, then GET .../rebuild every 0.25 s (progress on
stderr every 2 s) until it is DONE; prints one line on stdout:

  RESULT records=N seconds=S rate=R replay_rate=P wall_seconds=W topics=t1,t2,...

`seconds` and `rate` are the service's own clock, from the rebuild's start (live consumer held, end
offsets taken, shadow tables made) to the swap (indexes, derived tables, the swap itself): the fixed
costs weigh on a small replay. `replay_rate` is the records applied per second while the replay ran,
between the first and the last poll that saw it part-way (0 when it was too short to see twice).
`wall_seconds` is POST -> DONE seen here. A rebuild that fails, or runs past 30 minutes, ends the script
with a message and exit status 1.
"""
import datetime, http.client, json, sys, time, urllib.parse

STATUS = "/api/v1/admin/read-models/rebuild"


def call(base, token, method, path):
    u = urllib.parse.urlparse(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request(method, path, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, (json.loads(body) if body else {})


def instant(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def main():
    base, token = sys.argv[1], sys.argv[2]
    began = time.monotonic()
    status, body = call(base, token, "POST", STATUS + "?wait=false")
    if status not in (200, 202):
        sys.exit("rebuild: POST %s answered %d: %s" % (STATUS, status, body.get("detail", body)))
    part_way = []  # (time, applied) of the polls that saw the replay neither started nor finished
    told = began
    while True:
        rebuild = body.get("rebuild", {})
        if rebuild.get("state") == "DONE":
            break
        now = time.monotonic()
        if now - began > 1800:
            sys.exit("rebuild: not done after 30 minutes; GET %s tells where it is" % STATUS)
        if 0 < rebuild.get("applied", 0) < rebuild.get("records", 0):
            part_way.append((now, rebuild["applied"]))
        if now - told >= 2:
            print("  rebuild: %s of %s records applied" % (rebuild.get("applied", "?"), rebuild.get("records", "?")),
                  file=sys.stderr, flush=True)
            told = now
        time.sleep(0.25)
        status, body = call(base, token, "GET", STATUS)
        if status not in (200, 202):
            sys.exit("rebuild: GET %s answered %d: %s (see .platform/logs/reporting-service.log)"
                     % (STATUS, status, body.get("detail", body)))
    wall = time.monotonic() - began
    seconds = (instant(rebuild["finishedAt"]) - instant(rebuild["startedAt"])).total_seconds()
    records = rebuild["records"]
    replay_rate = 0
    if len(part_way) >= 2 and part_way[-1][0] > part_way[0][0]:
        replay_rate = (part_way[-1][1] - part_way[0][1]) / (part_way[-1][0] - part_way[0][0])
    print("RESULT records=%d seconds=%.1f rate=%.0f replay_rate=%.0f wall_seconds=%.1f topics=%s"
          % (records, seconds, records / seconds if seconds > 0 else 0, replay_rate, wall, ",".join(rebuild["topics"])))


if __name__ == "__main__":
    main()
