#!/usr/bin/env python3
"""A JDK Flight Recorder recording's execution samples as Markdown tables (used by bench/run).

    jfr_summary.py JFR_TOOL recording.jfr [TOP]

Three views of where a service's Java threads ran while a step loaded it:
- by thread kind (Vert.x event loops, the executor's workers, the outbox relay, ...);
- by the library of the frame that was running (self time): which code burns the CPU;
- by the platform's own methods on the stack (inclusive): which of its steps costs what;
- by the innermost of them: the step whose libraries or database calls were running.
The frames are JFR's (`jdk.ExecutionSample`, every 10 ms per running thread with `settings=profile`);
the JDK's `jfr` tool prints them as JSON and this groups them, so nothing here samples anything.
"""
import collections
import json
import re
import subprocess
import sys

OWN = "kz.prevention."
# First match wins: a frame's class name against these prefixes.
LIBRARIES = [
    ("kz.prevention.", "the platform's own code"),
    ("org.postgresql.", "PostgreSQL JDBC driver"),
    ("com.zaxxer.", "connection pool (Agroal/Hikari)"), ("io.agroal.", "connection pool (Agroal/Hikari)"),
    ("org.hibernate.validator.", "Hibernate Validator"),
    ("org.hibernate.", "Hibernate ORM"),
    ("com.fasterxml.jackson.", "Jackson"),
    ("org.apache.kafka.", "Kafka client"),
    ("io.opentelemetry.", "OpenTelemetry"),
    ("io.micrometer.", "Micrometer"),
    ("io.netty.", "Netty"),
    ("io.vertx.", "Vert.x"),
    ("io.smallrye.mutiny.", "Mutiny"), ("io.smallrye.jwt.", "SmallRye JWT / OIDC"),
    ("org.jose4j.", "SmallRye JWT / OIDC"), ("io.quarkus.oidc.", "SmallRye JWT / OIDC"),
    ("io.quarkus.", "Quarkus"), ("org.jboss.resteasy.", "Quarkus"), ("io.smallrye.", "SmallRye (config, context, ...)"),
    ("org.jboss.", "JBoss (logging, threads, narayana)"), ("com.arjuna.", "JBoss (logging, threads, narayana)"),
    ("com.networknt.", "JSON schema validator"),
    ("sun.nio.", "JDK I/O"), ("java.nio.", "JDK I/O"), ("sun.security.", "JDK crypto"), ("com.sun.crypto.", "JDK crypto"),
    ("javax.crypto.", "JDK crypto"), ("java.security.", "JDK crypto"),
    ("java.util.concurrent.", "JDK concurrency"), ("java.lang.invoke.", "JDK reflection and lambdas"),
    ("java.lang.reflect.", "JDK reflection and lambdas"), ("jdk.internal.reflect.", "JDK reflection and lambdas"),
    ("java.", "JDK (other)"), ("jdk.", "JDK (other)"), ("sun.", "JDK (other)"),
]


def library(cls):
    for prefix, name in LIBRARIES:
        if cls.startswith(prefix):
            return name
    return "other (" + ".".join(cls.split(".")[:2]) + ")"


def thread_kind(name):
    name = name or "?"
    if name.startswith("vert.x-eventloop"):
        return "Vert.x event loops"
    if name.startswith("executor-thread"):
        return "executor workers (blocking requests)"
    if "C1 CompilerThread" in name or "C2 CompilerThread" in name:
        return "JIT compiler"
    return re.sub(r"[-# ]?\d+$", "", name) or "?"


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    for f in trace.get("frames") or []:
        m = f.get("method") or {}
        cls = ((m.get("type") or {}).get("name") or "?").replace("/", ".")
        yield cls, m.get("name") or "?"


def own_method(cls, method):
    """The platform's method a frame is in, or None. Quarkus' generated wrappers (client proxies,
    interceptor subclasses) and lambdas are left out: they would repeat the method they wrap."""
    if not cls.startswith(OWN) or "$$Lambda" in cls or method.startswith("lambda$") or "$$" in method:
        return None
    cls = cls[len(OWN):].split("$")[0]
    if cls.endswith(("_ClientProxy", "_Subclass", "_Bean", "_Observer")):
        return None
    return cls + "." + method


def summarise(jfr_tool, path, top):
    out = subprocess.run([jfr_tool, "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    n = len(events)
    if n == 0:
        return "JFR recorded no execution samples."
    threads, libs = collections.Counter(), collections.Counter()
    own, innermost = collections.Counter(), collections.Counter()
    for e in events:
        thread = e["values"].get("sampledThread") or {}
        threads[thread_kind(thread.get("javaName") or thread.get("osName"))] += 1
        stack = list(frames(e))
        if stack:
            libs[library(stack[0][0])] += 1
        seen = set()
        for cls, method in stack:
            key = own_method(cls, method)
            if key and key not in seen:
                if not seen:
                    innermost[key] += 1
                seen.add(key)
                own[key] += 1

    def table(title, counter, limit):
        rows = ["| %s | share of samples |" % title, "|---|---|"]
        rows += ["| %s | %.1f %% |" % (k.replace("|", "\\|"), 100 * v / n) for k, v in counter.most_common(limit)]
        return "\n".join(rows)

    return "\n\n".join([
        "%d execution samples." % n,
        table("thread kind", threads, 8),
        table("library of the running frame (self)", libs, top),
        table("the platform's method on the stack (inclusive; `kz.prevention.` left out)", own, top),
        table("the platform's innermost method on the stack (what it had called that was running)", innermost, top),
    ])


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    print(summarise(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 12))
