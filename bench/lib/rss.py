#!/usr/bin/env python3
"""What a service JVM's resident memory is made of (used by bench/run).

    rss.py JCMD PID    prints: rss_mb= file_mb= aot_cache_mb= anon_mb= heap_committed_mb= heap_used_mb=

From /proc/PID/smaps: the resident pages mapped from files (the AOT cache — the classes' metadata, which
metaspace would hold without it —, the JDK's libraries) and the anonymous ones (the Java heap, the
code cache, thread stacks, malloc); from `jcmd PID GC.heap_info`: how much of the anonymous memory is
the heap (its generations' committed and used sizes). So the report can say which part a smaller
figure would have to come from.
"""
import re
import subprocess
import sys


def smaps(pid):
    file_kb = anon_kb = aot_kb = 0
    name = ""
    for line in open("/proc/%s/smaps" % pid):
        head = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            name = head[5] if len(head) > 5 else ""
        elif head[0] == "Rss:":
            kb = int(head[1])
            if name.startswith("/"):
                file_kb += kb
                if name.endswith(".aot"):
                    aot_kb += kb
            else:
                anon_kb += kb
    return file_kb, aot_kb, anon_kb


def heap(jcmd, pid):
    try:
        out = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None, None
    # Serial on JDK 25: "DefNew total 23168K, used 17219K" and "Tenured total …" (JDK 17: "def new generation",
    # "tenured generation"); G1: "garbage-first heap total …". The spaces inside a generation are "space", no "total".
    pairs = re.findall(r"^\s*\S.*?\s+total (\d+)K, used (\d+)K", out, re.M)
    if not pairs:
        return None, None
    return sum(int(t) for t, _ in pairs) // 1024, sum(int(u) for _, u in pairs) // 1024


def main(jcmd, pid):
    file_kb, aot_kb, anon_kb = smaps(pid)
    committed, used = heap(jcmd, pid)
    print("rss_mb=%d file_mb=%d aot_cache_mb=%d anon_mb=%d heap_committed_mb=%s heap_used_mb=%s" % (
        (file_kb + anon_kb) // 1024, file_kb // 1024, aot_kb // 1024, anon_kb // 1024,
        "?" if committed is None else committed, "?" if used is None else used))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
