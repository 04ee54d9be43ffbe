package kz.prevention.devstack.services;

import java.util.List;

/**
 * The JVM flags every service runs with, chosen so a service stays small (RSS target: 200 MB
 * after load) without starving it. Measured in docs/benchmarks/platform.md.
 * <ul>
 * <li>heap: {@code SERVICE_HEAP_MB} (default 96 MB) — the services keep little in memory;
 *     a full heap shows as GC time long before an OutOfMemoryError;</li>
 * <li>Serial GC: no GC threads or card tables sized for many cores; pauses stay in the
 *     low milliseconds at this heap size;</li>
 * <li>metaspace, code cache and direct memory capped: Quarkus, Hibernate and the Kafka
 *     clients load 15.7k–18.8k classes, whose metadata the registry measured at 115 MB of
 *     metaspace after load (NMT, docs/benchmarks/platform-analysis.md). 128 MB left it 10 % from
 *     an OutOfMemoryError that {@code ExitOnOutOfMemoryError} turns into a dead service, so the cap
 *     is 192 MB: it bounds a leak of generated classes, not the normal footprint;</li>
 * <li>direct memory 64 MB, and the JDK's per-thread cache of temporary direct buffers limited to
 *     1 MB buffers: every socket read into a heap buffer borrows a direct buffer of the read's size,
 *     and a Kafka consumer reads a whole fetch response at once. With 32 MB and the default cache, the
 *     fault drill saw reporting's consumer thread die of "Cannot reserve … bytes of direct buffer
 *     memory" while catching up (eventing also caps a fetch at 8 MB);</li>
 * <li>smaller thread stacks: the worker pool's threads mostly wait on I/O;</li>
 * <li>the native heap trimmed every 5 s ({@code TrimNativeHeapInterval}, Java 17.0.9+ and 21+):
 *     glibc keeps what the JIT compilers and the class loading freed in its arenas, which counted
 *     21–40 MB of each service's RSS after load (one {@code jcmd System.trim_native_heap} per
 *     service, 2026-11-26: registry 371 → 332 MB, gateway 151 → 131 MB).</li>
 * </ul>
 */
public final class JvmFlags {

    private JvmFlags() {
    }

    public static List<String> forService(int heapMb) {
        return List.of(
                "-Xmx" + heapMb + "m",
                "-Xms" + Math.min(heapMb, 32) + "m",
                "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=192m",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxDirectMemorySize=64m",
                "-Djdk.nio.maxCachedBufferSize=1048576",
                "-Xss512k",
                "-XX:TrimNativeHeapInterval=5000",
                "-XX:+ExitOnOutOfMemoryError");
    }
}
