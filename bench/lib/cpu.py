#!/usr/bin/env python3
"""Where a benchmark step's CPU went, by process, from /proc (used by bench/run).

    cpu.py snapshot STATE_DIR [name=pid ...] > a.json    every process's CPU ticks and the machine's
    cpu.py per-op a.json b.json OPS                      the CPU seconds per operation, all processes together
    cpu.py report a.json b.json OPS "per registration" [TARGET]
                                       a Markdown table: CPU per operation by process; with TARGET (operations
                                       per second), the CPU per operation that rate would leave on these cores

A process is named by the platform's pid files (STATE_DIR/pids/<name>.pid: the services, Kafka,
Keycloak), by the extra name=pid arguments (the bare endpoint), or by its command (wrk, pgbench);
PostgreSQL's backends by their database, its own processes as "postgresql (server)"; the rest is
"other". The machine's line says how busy both cores were and how much the hypervisor stole: on these
2-core VMs a step is bound by CPU when the busy share nears 100 %, and then the table says which process
a faster figure would have to take CPU from; when they are not, the I/O pressure line (Linux PSI) says
whether tasks were waiting for the disk.

Counting from /proc/<pid>/stat (utime + stime of every thread, the dead ones included) rather than a
profiler: it sees PostgreSQL, Kafka and wrk too, costs nothing, and a busy machine does not bend it the
way it bends requests per second.
"""
import json
import os
import sys

TICK = os.sysconf("SC_CLK_TCK")
BY_COMMAND = {"wrk": "wrk (load)", "pgbench": "pgbench (load)"}


def named_pids(state_dir, extra):
    names = {}
    pids_dir = os.path.join(state_dir, "pids")
    for f in sorted(os.listdir(pids_dir)) if os.path.isdir(pids_dir) else []:
        if f.endswith(".pid"):
            try:
                names[int(open(os.path.join(pids_dir, f)).read().split()[0])] = f[:-4]
            except (ValueError, IndexError, OSError):
                pass
    for arg in extra:
        name, _, pid = arg.partition("=")
        if pid.isdigit():
            names[int(pid)] = name
    return names


def postgres_process(pid):
    """A PostgreSQL process by the title it sets: a backend by its database ("postgresql: registry"), so a
    step's database work is told apart by service; the server's own processes (WAL writer, checkpointer,
    ...) as one."""
    try:
        title = open("/proc/%s/cmdline" % pid).read().replace("\0", " ").split()
    except OSError:
        return "postgresql"
    if title[:1] != ["postgres:"]:
        return "postgresql (server)"
    words = title[1:]
    if words and words[0].endswith(":"):  # Debian's cluster name, "15/main:"
        words = words[1:]
    if len(words) >= 3 and "(" in words[2]:  # user database host(port) state
        return "postgresql: " + words[1]
    return "postgresql (server)"


def snapshot(state_dir, extra):
    names = named_pids(state_dir, extra)
    procs = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            raw = open("/proc/%s/stat" % d).read()
        except OSError:
            continue  # gone between the listing and the read
        comm = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        pid = int(d)
        name = names.get(pid) or (postgres_process(d) if comm == "postgres" else BY_COMMAND.get(comm, "other"))
        procs[d] = {"name": name, "ticks": ticks, "start": int(fields[19])}  # starttime: a reused pid differs
    cpu = open("/proc/stat").readline().split()[1:]
    return {"procs": procs, "machine": [int(x) for x in cpu], "cores": os.cpu_count(), "io_stall": io_stall()}


def io_stall():
    """Microseconds that some / all runnable tasks stalled on I/O (Linux PSI, /proc/pressure/io), or None."""
    try:
        lines = open("/proc/pressure/io").read().splitlines()
    except OSError:
        return None
    out = {}
    for line in lines:
        kind, _, rest = line.partition(" ")
        out[kind] = int(dict(kv.split("=") for kv in rest.split())["total"])
    return out


def used_by_name(a, b):
    """Per process name, its ticks between the snapshots (all of them for a process started in between)."""
    by_name = {}
    for pid, p in b["procs"].items():
        before = a["procs"].get(pid)
        same = before is not None and before.get("start", p.get("start")) == p.get("start")
        used = p["ticks"] - (before["ticks"] if same else 0)
        by_name[p["name"]] = by_name.get(p["name"], 0) + max(0, used)
    return by_name


def report(a, b, ops, what, target=None):
    by_name = used_by_name(a, b)
    m0, m1 = a["machine"], b["machine"]
    delta = [y - x for x, y in zip(m0, m1)]
    total = sum(delta[:8]) or 1  # user nice system idle iowait irq softirq steal
    idle = delta[3] + delta[4]
    steal = delta[7] if len(delta) > 7 else 0
    seconds = total / TICK / b["cores"]
    busy_ticks = sum(by_name.values()) or 1
    lines = ["| process | CPU (cores) | CPU %s | share of the CPU used |" % what, "|---|---|---|---|"]
    for name, t in sorted(by_name.items(), key=lambda kv: -kv[1]):
        if t == 0:
            continue
        per_op = "%.0f µs" % (t / TICK / ops * 1e6) if ops > 0 else "?"
        lines.append("| %s | %.2f | %s | %.1f %% |" % (name, t / TICK / seconds, per_op, 100 * t / busy_ticks))
    per_op_all = "%.0f µs" % (busy_ticks / TICK / ops * 1e6) if ops > 0 else "?"
    lines.append("| **all** | %.2f of %d | %s | |" % (busy_ticks / TICK / seconds, b["cores"], per_op_all))
    lines.append("")
    lines.append("Machine over the %.0f s counted: %.0f %% busy, %.0f %% stolen by the hypervisor, %.0f operations." % (
        seconds, 100 * (total - idle) / total, 100 * steal / total, ops))
    if a.get("io_stall") and b.get("io_stall"):
        # PSI: the share of the window in which some task (or every non-idle task) waited for I/O — the
        # disk's part in a step whose cores were not busy (a flush, a checkpoint, a slow virtual disk).
        window_us = seconds * 1e6
        some = (b["io_stall"]["some"] - a["io_stall"]["some"]) / window_us
        full = (b["io_stall"].get("full", 0) - a["io_stall"].get("full", 0)) / window_us
        lines.append("I/O pressure over the same window (/proc/pressure/io): some task stalled on I/O %.0f %% of the "
                     "time, all of them %.0f %%." % (100 * some, 100 * full))
    if target and ops > 0:
        # At the target's rate, the cores give each operation at most cores / rate seconds of CPU.
        budget = b["cores"] / target * 1e6
        spent = busy_ticks / TICK / ops * 1e6
        lines.append("CPU at the target (%.0f %s/s on %d cores): at most %.0f µs %s, all processes together; it "
                     "cost %.0f µs, %.1f × that." % (target, what.replace("per ", ""), b["cores"], budget, what,
                                                       spent, spent / budget))
    return "\n".join(lines)


def main(argv):
    if len(argv) >= 2 and argv[0] == "snapshot":
        json.dump(snapshot(argv[1], argv[2:]), sys.stdout)
    elif len(argv) == 4 and argv[0] == "per-op":
        ops = float(argv[3])
        print("%.6f" % (sum(used_by_name(json.load(open(argv[1])), json.load(open(argv[2]))).values()) / TICK / ops
                        if ops > 0 else 0))
    elif len(argv) in (5, 6) and argv[0] == "report":
        target = float(argv[5]) if len(argv) == 6 and argv[5] else None
        print(report(json.load(open(argv[1])), json.load(open(argv[2])), float(argv[3]), argv[4], target))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
