package kz.prevention.reporting.bench;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.eventing.projection.ProjectionRebuild;
import kz.prevention.reporting.support.Feed;
import kz.prevention.testing.ProjectRoot;
import kz.prevention.testing.TestKafka;
import kz.prevention.testing.TestTokens;

/**
 * Benchmark harness, not a test: loads N registry entries and M measure events per entry onto
 * the real broker as registry- and measures-service publish them, then measures, in one run,
 * <ul>
 * <li>live consumption: first event produced → every fact applied (events/s);</li>
 * <li>the National report for the loaded year (JSON, warm, several runs);</li>
 * <li>a rebuild: read models dropped, every topic replayed from offset 0 (events/s);</li>
 * <li>its ceiling: a bare Kafka consumer reading the same topics from offset 0 in the same run.</li>
 * </ul>
 * Writes reporting-service/target/benchmarks/reporting.md; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -pl reporting-service test -Pbenchmark -Dbench.entries=20000}
 * ({@code -Dbench.entries}, default 20,000; five measure events per entry: three measures
 * assigned, two of them completed — 1,000,000 entries give the 5 M measure events).
 */
@QuarkusTest
@Tag("benchmark")
class ReportingBenchmark {

    private static final int ENTRIES = Integer.getInteger("bench.entries", 20_000);
    private static final int YEAR = 2026;
    /** Districts with inner zeros at every level among them (KATO levels, DOMAIN.md). */
    private static final List<String> REGIONS = List.of("751110000", "751210000", "711210000", "100000000",
            "271000000", "111010000", "551620000", "631010000");
    private static final String ENTRIES_TOPIC = "prevention.registry.entries";
    private static final String MEASURES_TOPIC = "prevention.measures.measures";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProjectionRebuild rebuild;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("# Reporting benchmark run ").append(LocalDateTime.now().withNano(0)).append("\n\n");
        report.append(String.format("Machine: %d cores, Java %s. PostgreSQL, the Kafka broker and this JVM (the service"
                + " under test) share these cores.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));

        report.append("Load average (1/5/15 min) at the start: ").append(loadAverage()).append("\n\n");
        long started = System.nanoTime();
        Load load = produce();
        double produceSeconds = seconds(started);
        progress("produced %,d events in %.1f s; waiting for the consumers", load.events(), produceSeconds);
        awaitApplied(load);
        double liveSeconds = seconds(started);
        // The analysts' stream consumes the same topics: it must be idle too, or it shares the cores with what follows.
        awaitConsumersCaughtUp();
        double idleSeconds = seconds(started);
        report.append(String.format("## Live consumption%n%n%,d entries, %,d measures (%,d completed): %,d events."
                + " Produced in %.1f s; first produced → all applied in %.1f s: **%,.0f events/s** (load average"
                + " at the end %s).%n%n", ENTRIES, load.measures(), load.completed(), load.events(), produceSeconds,
                liveSeconds, load.events() / liveSeconds, loadAverage()));
        report.append(String.format("Every consumer of the service (the analysts' stream too) caught up %.1f s after the"
                + " first event was produced; the report and the rebuild below ran after that.%n%n", idleSeconds));

        report.append("## National report, ").append(YEAR).append(" (JSON, national level, supervisor); load average ")
                .append(loadAverage()).append("\n\n");
        report.append("| run | time |\n|---|---|\n");
        for (int run = 1; run <= 5; run++) {
            long t = System.nanoTime();
            given().auth().oauth2(TestTokens.supervisor()).queryParam("year", YEAR).get("/api/v1/reports/national")
                    .then().statusCode(200);
            report.append(String.format("| %d | %.0f ms |%n", run, seconds(t) * 1000));
        }
        report.append('\n');

        String loadBeforeRebuild = loadAverage();
        long rebuildStarted = System.nanoTime();
        String admin = TestTokens.role("platform-admin", "000000000");
        given().auth().oauth2(admin).queryParam("wait", false).post("/api/v1/admin/read-models/rebuild").then()
                .statusCode(202);
        // The rebuilt tables are swapped in when caught up: until then the live ones answer, so wait for its end —
        // in the service itself, which wakes this thread when it ends (polling its REST status every 250 ms cost
        // a tenth of the machine's CPU during a rebuild in JFR).
        while (true) {
            var s = rebuild.await(Duration.ofSeconds(5)).orElseThrow();
            progress("rebuild %s: %,d applied of %,d", s.state(), s.applied(), s.records());
            if (s.state() == ProjectionRebuild.State.FAILED) {
                throw new IllegalStateException("rebuild failed: " + s.error());
            }
            if (s.state() == ProjectionRebuild.State.DONE) {
                break;
            }
        }
        double rebuildSeconds = seconds(rebuildStarted);
        awaitApplied(load);

        long readStarted = System.nanoTime();
        long read = readEverything();
        double readSeconds = seconds(readStarted);
        report.append(String.format("## Rebuild beside its ceiling%n%n| | events | time | rate | load average (1/5/15 min) |%n"
                + "|---|---|---|---|---|%n"
                + "| rebuild (shadow tables filled from offset 0, swapped in) | %,d | %.1f s | **%,.0f events/s** | %s |%n"
                + "| ceiling: a bare Kafka consumer reading the same topics from offset 0 | %,d | %.1f s | %,.0f events/s | %s |%n",
                load.events(), rebuildSeconds, load.events() / rebuildSeconds, loadBeforeRebuild, read, readSeconds,
                read / readSeconds, loadAverage()));

        report.append(liveLag());

        Path out = ProjectRoot.get().resolve("reporting-service/target/benchmarks/reporting.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n" + report + "\n(written to " + out + ")");
    }

    record Load(long events, long measures, long completed) {
    }

    /** Every entry: registered, three measures assigned, two completed, all in {@link #YEAR}. */
    private Load produce() throws Exception {
        Random random = new Random(42);
        long events = 0;
        long measures = 0;
        long completed = 0;
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            for (int i = 0; i < ENTRIES; i++) {
                String region = REGIONS.get(i % REGIONS.size());
                boolean minor = i % 4 == 0;
                UUID entryId = UUID.randomUUID();
                UUID personId = UUID.randomUUID();
                LocalDate on = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(330));
                send(producer, ENTRIES_TOPIC, entryId, new RegistryEvents.EntryRegistered(entryId, personId,
                        minor ? "MINOR_NEGLECTED_HOMELESS" : "PROTECTIVE_ORDER", minor ? "MINOR" : "ADULT", minor, region,
                        minor ? "EDUCATIONAL_MEASURES" : "PROTECTIVE_ORDER", on, on.plusDays(30), i % 2 == 0 ? "M" : "F",
                        "WEEKLY"), 1, failed);
                events++;
                UUID planId = UUID.randomUUID();
                for (int m = 0; m < 3; m++) {
                    UUID measureId = UUID.randomUUID();
                    LocalDate due = on.plusDays(10 + m * 5);
                    String type = m == 0 ? "PREVENTIVE_CONVERSATION" : "PSYCHOLOGICAL_HELP";
                    String agency = m == 0 ? "POLICE" : "HEALTH";
                    send(producer, MEASURES_TOPIC, measureId, new MeasuresEvents.MeasureAssigned(measureId, planId, region,
                            type, agency, "INDIVIDUAL", entryId, personId, minor, on, due, null, null), 1, failed);
                    events++;
                    measures++;
                    if (m < 2) {
                        LocalDate done = on.plusDays(5 + random.nextInt(15));
                        send(producer, MEASURES_TOPIC, measureId, new MeasuresEvents.MeasureCompleted(measureId, planId,
                                region, type, agency, due, done, !done.isAfter(due), null, null), 2, failed);
                        events++;
                        completed++;
                    }
                }
                if (i > 0 && i % 50_000 == 0) {
                    progress("produced %,d of %,d entries", i, ENTRIES);
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return new Load(events, measures, completed);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, UUID key, DomainEvent event,
            long version, AtomicReference<Exception> failed) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestKafka.topic(topic), key.toString(),
                Feed.envelope(event, version));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        producer.send(record, (meta, e) -> {
            if (e != null) {
                failed.compareAndSet(null, e);
            }
        });
    }

    /** Until every consumer group of this service has read its topics to their end offsets (lag 0). */
    private static void awaitConsumersCaughtUp() {
        String topic = TestKafka.topic(ENTRIES_TOPIC);
        String prefix = topic.substring(0, topic.length() - ENTRIES_TOPIC.length());
        Properties p = new Properties();
        p.put("bootstrap.servers", TestKafka.bootstrap());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Map<String, Long> lags = new java.util.TreeMap<>();
                for (var group : admin.listConsumerGroups().all().get()) {
                    // This run's groups only: the broker outlives test runs, and a killed run leaves its groups behind.
                    if (!group.groupId().startsWith(prefix + "reporting-service")) {
                        continue;
                    }
                    var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    var ends = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                            tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                    for (var e : committed.entrySet()) {
                        long lag = ends.get(e.getKey()).offset() - (e.getValue() == null ? 0 : e.getValue().offset());
                        if (lag > 0) {
                            lags.merge(group.groupId() + " " + e.getKey().topic(), lag, Long::sum);
                        }
                    }
                }
                progress("consumers' lag: %s", lags.isEmpty() ? "none" : lags);
                return lags.isEmpty();
            });
        }
    }

    private void awaitApplied(Load load) {
        Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long[] seen = applied();
            progress("applied: %,d entries, %,d measures, %,d completed", seen[0], seen[1], seen[2]);
            return seen[0] >= ENTRIES && seen[1] >= load.measures() && seen[2] >= load.completed();
        });
    }

    private long[] applied() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT (SELECT count(*) FROM entry_fact), (SELECT count(*) FROM measure_fact),
                       (SELECT count(*) FROM measure_fact WHERE completed_on IS NOT NULL)
                """); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /** The ceiling of a replay: reading the same topics from offset 0 and doing nothing with them. */
    private static long readEverything() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(ENTRIES_TOPIC, MEASURES_TOPIC)) {
                consumer.partitionsFor(TestKafka.topic(topic))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long total = 0;
            for (TopicPartition tp : partitions) {
                total += end.get(tp) - consumer.beginningOffsets(List.of(tp)).get(tp);
            }
            while (read < total) {
                read += consumer.poll(Duration.ofSeconds(1)).count();
            }
        }
        return read;
    }

    /**
     * The read models' lag behind a steady live load: entries registered at {@code bench.lag.rate} events/s for
     * {@code bench.lag.seconds}, paced, each sent alone (no linger); per event, from the broker's acknowledgement
     * to the figures consumer's commit of it ({@code inbox_event.applied_at}, stamped in the applying transaction).
     */
    private String liveLag() throws Exception {
        int rate = Integer.getInteger("bench.lag.rate", 500);
        int seconds = Integer.getInteger("bench.lag.seconds", 30);
        int n = rate * seconds;
        String loadBefore = loadAverage();
        Map<UUID, Long> ackedAt = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Properties props = producerProperties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        progress("live load: %,d events at %,d/s", n, rate);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + i * 1_000_000_000L / rate;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                UUID entryId = UUID.randomUUID();
                LocalDate on = LocalDate.of(YEAR, 12, 1);
                byte[] bytes = Feed.envelope(new RegistryEvents.EntryRegistered(entryId, UUID.randomUUID(),
                        "PROTECTIVE_ORDER", "ADULT", false, REGIONS.get(i % REGIONS.size()), "PROTECTIVE_ORDER", on,
                        on.plusDays(30), "F", "WEEKLY"), 1);
                UUID eventId = UUID.fromString(json.readTree(bytes).get("id").asText());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestKafka.topic(ENTRIES_TOPIC),
                        entryId.toString(), bytes);
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record, (meta, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    } else {
                        ackedAt.put(eventId, System.currentTimeMillis());
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        Map<UUID, Long> appliedAt = new java.util.HashMap<>();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT event_id, (extract(epoch FROM applied_at) * 1000)::bigint FROM inbox_event"
                            + " WHERE consumer LIKE ? AND event_id = ANY (?)")) {
                ps.setString(1, "%" + kz.prevention.reporting.facts.FiguresFeed.NAME);
                ps.setArray(2, c.createArrayOf("uuid", ackedAt.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        appliedAt.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
            progress("live load: %,d of %,d applied", appliedAt.size(), n);
            return appliedAt.size() == n;
        });
        long[] lags = ackedAt.entrySet().stream().mapToLong(e -> appliedAt.get(e.getKey()) - e.getValue()).sorted()
                .toArray();
        return String.format("%n## Lag of the read models behind a live load%n%n%,d entries registered at %,d events/s for"
                + " %d s (load average before %s, after %s); per event, broker acknowledgement → applied by the figures"
                + " consumer: **p50 %d ms, p99 %d ms**, max %d ms.%n", n, rate, seconds, loadBefore, loadAverage(),
                lags[lags.length / 2], lags[(int) Math.floor(lags.length * 0.99)], lags[lags.length - 1]);
    }

    private static Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** The machine's load average (1, 5, 15 min): the harness shares its cores with whatever else runs. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.out.printf("[reporting-bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
