package kz.prevention.eventing.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.kafka.KafkaClients;
import kz.prevention.eventing.kafka.TopicProvisioner;
import kz.prevention.eventing.support.Backoff;

/**
 * Publishes outbox rows to Kafka in commit order per aggregate, then marks them sent.
 *
 * <p>One replica of a service is the leader (a PostgreSQL advisory lock on the relay's own
 * session); the others stand by. The leader wakes on NOTIFY, polls as a fallback, sends a batch
 * with an idempotent producer ({@code acks=all}) and marks sent only the rows Kafka confirmed,
 * up to the first failure. On any failure it backs off and retries, forever: an event is never
 * dropped or given up on. If it dies between sending and marking, the rows are sent again;
 * consumers' inboxes absorb the duplicates.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EventingConfig config;
    private final KafkaClients kafka;
    private final TopicProvisioner topics;
    private final Backoff backoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final Timer publishLatency;
    private final Counter published;
    private final Counter failures;
    private volatile boolean leader;
    private volatile int backendPid = -1;
    private Thread thread;

    @Inject
    public OutboxRelay(EventingConfig config, KafkaClients kafka, TopicProvisioner topics, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.topics = topics;
        this.backoff = new Backoff(config.relay().minBackoff(), config.relay().maxBackoff());
        this.publishLatency = Timer.builder("eventing.outbox.publish.latency")
                .description("From the event's commit to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.published = Counter.builder("eventing.outbox.published").register(registry);
        this.failures = Counter.builder("eventing.outbox.publish.failures").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            thread.start();
        }
    }

    public synchronized void stop() {
        running.set(false);
        backoff.wake();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Holds publishing (e.g. during maintenance); events keep accumulating in the outbox. */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
        backoff.wake();
    }

    public boolean isLeader() {
        return leader;
    }

    /** The PostgreSQL backend pid of the relay's session, -1 when it has none. */
    public int backendPid() {
        return backendPid;
    }

    private void run() {
        while (running.get()) {
            try (RelayConnection db = connect()) {
                if (!db.tryBecomeLeader()) {
                    leader = false;
                    backoff.waitFor(config.relay().leaderRetry());
                    continue;
                }
                leader = true;
                backendPid = db.backendPid();
                db.listen();
                LOG.infof("outbox relay is the leader (backend pid %d)", backendPid);
                lead(db);
            } catch (SQLException e) {
                if (running.get()) {
                    LOG.warnf("outbox relay lost its database session: %s; reconnecting", e.getMessage());
                    backoff.pause();
                }
            } catch (RuntimeException e) {
                // The relay must outlive anything unexpected: events wait in the outbox, they are not lost.
                if (running.get()) {
                    LOG.errorf(e, "outbox relay failed unexpectedly; restarting it");
                    backoff.pause();
                }
            } finally {
                leader = false;
                backendPid = -1;
            }
        }
    }

    private void lead(RelayConnection db) throws SQLException {
        KafkaProducer<String, byte[]> producer = null;
        Instant nextPrune = Instant.now();
        try {
            while (running.get()) {
                if (paused.get()) {
                    backoff.waitFor(Duration.ofMillis(200));
                    continue;
                }
                List<PendingEvent> batch = db.pending(config.relay().batchSize());
                if (batch.isEmpty()) {
                    if (Instant.now().isAfter(nextPrune)) {
                        prune(db);
                        nextPrune = Instant.now().plus(config.relay().pruneInterval());
                    }
                    db.awaitInsert(config.relay().pollInterval());
                    continue;
                }
                if (producer == null) {
                    producer = kafka.producer("outbox-relay");
                }
                Outcome outcome = publish(producer, batch);
                db.markSent(outcome.sent());
                if (outcome.failed() != null) {
                    failures.increment();
                    db.markFailed(outcome.failed(), outcome.error());
                    LOG.warnf("publishing outbox row %d failed (%s); retrying in %d ms", outcome.failed().seq(),
                            outcome.error(), Math.max(backoff.currentMillis() * 2, config.relay().minBackoff().toMillis()));
                    closeQuietly(producer, Duration.ZERO);
                    producer = null;
                    backoff.pause();
                } else {
                    backoff.reset();
                }
            }
        } finally {
            if (producer != null) {
                closeQuietly(producer, running.get() ? Duration.ofSeconds(5) : Duration.ZERO);
            }
        }
    }

    private Outcome publish(KafkaProducer<String, byte[]> producer, List<PendingEvent> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        try {
            topics.ensureTopics();
            for (PendingEvent e : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(kafka.topic(e.topic()), e.aggregateId(),
                        e.payload().getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            producer.flush();
        } catch (RuntimeException e) {
            // Sending stopped at acks.size(); what was handed over before may still be confirmed below.
            return confirmed(batch, acks, describe(e));
        }
        return confirmed(batch, acks, null);
    }

    private Outcome confirmed(List<PendingEvent> batch, List<Future<RecordMetadata>> acks, String sendError) {
        List<PendingEvent> sent = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
                sent.add(batch.get(i));
                published.increment();
                publishLatency.record(Duration.between(batch.get(i).createdAt(), Instant.now()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(sent, batch.get(i), "interrupted");
            } catch (Exception e) {
                return new Outcome(sent, batch.get(i), describe(e.getCause() != null ? e.getCause() : e));
            }
        }
        if (sendError != null && acks.size() < batch.size()) {
            return new Outcome(sent, batch.get(acks.size()), sendError);
        }
        return new Outcome(sent, null, null);
    }

    private void prune(RelayConnection db) throws SQLException {
        int pruned = db.prune(config.relay().retention());
        if (pruned > 0) {
            LOG.infof("pruned %d sent outbox rows older than %s", pruned, config.relay().retention());
        }
    }

    private static void closeQuietly(KafkaProducer<String, byte[]> producer, Duration timeout) {
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            LOG.debugf("closing the relay's producer: %s", e.getMessage());
        }
    }

    private static RelayConnection connect() throws SQLException {
        var cfg = ConfigProvider.getConfig();
        return new RelayConnection(cfg.getValue("quarkus.datasource.jdbc.url", String.class),
                cfg.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                cfg.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private record Outcome(List<PendingEvent> sent, PendingEvent failed, String error) {
    }
}
