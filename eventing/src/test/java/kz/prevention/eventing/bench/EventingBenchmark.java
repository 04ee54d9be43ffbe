package kz.prevention.eventing.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.ledger.LedgerProjection;
import kz.prevention.eventing.ledger.LedgerService;
import kz.prevention.testing.ProjectRoot;
import kz.prevention.testing.TestKafka;

/**
 * Benchmark harness, not a test: measures commit-to-consumer latency and sustained throughput
 * of the outbox → Kafka → inbox path on this machine, next to Kafka's own EndToEndLatency on
 * the same broker in the same run. Writes target/benchmarks/eventing.md; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -pl eventing test -Pbenchmark} (tunable with -Dbench.latency.events,
 * -Dbench.latency.rate, -Dbench.throughput.events, -Dbench.throughput.writers).
 */
@QuarkusTest
@Tag("benchmark")
class EventingBenchmark {

    private static final int LATENCY_EVENTS = Integer.getInteger("bench.latency.events", 2000);
    private static final int LATENCY_RATE = Integer.getInteger("bench.latency.rate", 200);
    private static final int THROUGHPUT_EVENTS = Integer.getInteger("bench.throughput.events", 20000);
    private static final int WRITERS = Integer.getInteger("bench.throughput.writers", 4);

    @Inject
    LedgerService ledger;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("# Eventing benchmark run ").append(LocalDateTime.now().withNano(0)).append("\n\n");
        report.append(machine()).append("\n");

        runLatency(300, 1000); // warm-up: JIT, connections, consumer assignment
        Map<String, Double> latency = runLatency(LATENCY_EVENTS, LATENCY_RATE);
        report.append(String.format("## Commit → applied by the consumer (%d events at %d/s offered, 25 aggregates)%n%n",
                LATENCY_EVENTS, LATENCY_RATE));
        report.append("| p50 | p90 | p99 | max |\n|---|---|---|---|\n");
        report.append(String.format("| %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n%n", latency.get("p50"), latency.get("p90"),
                latency.get("p99"), latency.get("max")));

        Map<String, Double> throughput = runThroughput(THROUGHPUT_EVENTS, WRITERS);
        report.append(String.format("## Sustained throughput (%d events, %d writer threads, 100 aggregates)%n%n",
                THROUGHPUT_EVENTS, WRITERS));
        report.append("| committed | end to end (first commit → last applied) |\n|---|---|\n");
        report.append(String.format("| %.0f events/s | %.0f events/s |%n%n", throughput.get("commitRate"),
                throughput.get("e2eRate")));

        int size = averagePayloadBytes();
        KafkaEndToEndLatency.Result kafka = KafkaEndToEndLatency.run(TestKafka.bootstrap(),
                TestKafka.topic("bench.e2e-latency"), 2000, size);
        report.append(String.format("## Kafka's own EndToEndLatency, same broker, same run (2000 records of %d B, acks=all)%n%n",
                size));
        report.append("| avg | p50 | p99 | p99.9 |\n|---|---|---|---|\n");
        report.append(String.format("| %.2f ms | %.0f ms | %.0f ms | %.0f ms |%n", kafka.avgMs(), kafka.p50Ms(),
                kafka.p99Ms(), kafka.p999Ms()));

        Path out = ProjectRoot.get().resolve("eventing/target/benchmarks/eventing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n" + report + "\n(written to " + out + ")");
    }

    private Map<String, Double> runLatency(int events, int ratePerSecond) throws Exception {
        List<String> accounts = accounts(25);
        Map<String, Instant> committed = new HashMap<>();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long next = System.nanoTime();
        for (int i = 0; i < events; i++) {
            String id = ledger.credit(accounts.get(i % accounts.size()), 1).id();
            committed.put(id, Instant.now());
            next += intervalNanos;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        awaitApplied(committed.keySet());
        List<Double> millis = new ArrayList<>();
        appliedAt(committed.keySet()).forEach((id, at) -> millis.add(Duration.between(committed.get(id), at).toNanos() / 1e6));
        Collections.sort(millis);
        return Map.of("p50", pct(millis, 0.50), "p90", pct(millis, 0.90), "p99", pct(millis, 0.99),
                "max", millis.get(millis.size() - 1));
    }

    private Map<String, Double> runThroughput(int events, int writers) throws Exception {
        List<String> accounts = accounts(100);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Instant start = Instant.now();
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            jobs.add(pool.submit(() -> {
                for (int i = writer; i < events; i += writers) {
                    ids.add(ledger.credit(accounts.get(i % accounts.size()), 1).id());
                }
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        Instant committedAll = Instant.now();
        pool.shutdown();
        awaitApplied(ids);
        Instant lastApplied = appliedAt(ids).values().stream().max(Instant::compareTo).orElseThrow();
        double commitSeconds = Duration.between(start, committedAll).toNanos() / 1e9;
        double e2eSeconds = Duration.between(start, lastApplied).toNanos() / 1e9;
        return Map.of("commitRate", events / commitSeconds, "e2eRate", events / e2eSeconds);
    }

    private void awaitApplied(java.util.Collection<String> ids) {
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> appliedAt(ids).size() == ids.size());
    }

    private Map<String, Instant> appliedAt(java.util.Collection<String> ids) throws Exception {
        Map<String, Instant> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id::text, applied_at FROM inbox_event WHERE consumer = ? AND event_id = ANY (?::uuid[])")) {
            ps.setString(1, LedgerProjection.NAME);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(2);
                    out.put(rs.getString(1), t.toInstant());
                }
            }
        }
        return out;
    }

    private int averagePayloadBytes() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(avg(octet_length(payload::text)), 400)::int FROM outbox");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> accounts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("bench-" + UUID.randomUUID());
        }
        return out;
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String machine() {
        return String.format("Machine: %d cores, %d MiB max heap for the test JVM, Java %s, %s %s. Everything (PostgreSQL,"
                + " Kafka broker, this JVM with relay and two consumers) shares these cores.%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
