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
import kz.prevention.eventing.support.LeaderSession;

/**
 * Publishes outbox rows to Kafka in commit order per aggregate, then deletes them.
 *
 * <p>One replica of a service is the leader (an advisory lock, one key per service, on the
 * relay's own session); the others stand by. The leader is woken by its JVM's commits and polls
 * cheaply for the other replicas' ones, sends a batch with an idempotent producer
 * ({@code acks=all}) and deletes only the rows Kafka confirmed. A failure that may pass (broker
 * down, timeouts) is retried forever with backoff: nothing is dropped. A row that can never be
 * sent (larger than the broker accepts, unserialisable) parks its own aggregate — counted in
 * {@code eventing_outbox_parked}, logged, listed at {@code /api/v1/admin/outbox} — while every other
 * aggregate's events go on. If the relay dies between sending and deleting, the rows are sent
 * again and consumers' inboxes absorb the duplicates.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EventingConfig config;
    private final KafkaClients kafka;
    private final TopicProvisioner topics;
    private final RelaySignal signal;
    private final Backoff backoff;
    private final EnvelopeWriter envelopes;
    private final String service;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final Timer publishLatency;
    private final Counter published;
    private final Counter failures;
    private final Counter parkedNow;
    private volatile boolean leader;
    private volatile int backendPid = -1;
    private Thread thread;

    @Inject
    public OutboxRelay(EventingConfig config, KafkaClients kafka, TopicProvisioner topics, RelaySignal signal,
            MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.topics = topics;
        this.signal = signal;
        this.backoff = new Backoff(config.relay().minBackoff(), config.relay().maxBackoff());
        this.service = kafka.application();
        this.envelopes = new EnvelopeWriter(config.source().orElse("/" + service));
        this.publishLatency = Timer.builder("eventing.outbox.publish.latency")
                .description("From the event's commit to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.published = Counter.builder("eventing.outbox.published").register(registry);
        this.failures = Counter.builder("eventing.outbox.publish.failures").register(registry);
        this.parkedNow = Counter.builder("eventing.outbox.parked.events")
                .description("Events that could never be sent and parked their aggregate").register(registry);
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
        signal.wake();
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
        signal.wake();
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
                LOG.infof("outbox relay of %s is the leader (backend pid %d)", service, backendPid);
                lead(db);
            } catch (SQLException e) {
                if (running.get()) {
                    LOG.warnf("outbox relay lost its database session: %s; reconnecting", e.getMessage());
                    backoff.pause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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

    private void lead(RelayConnection db) throws SQLException, InterruptedException {
        KafkaProducer<String, byte[]> producer = null;
        try {
            while (running.get()) {
                if (paused.get()) {
                    backoff.waitFor(Duration.ofMillis(200));
                    continue;
                }
                List<PendingEvent> batch = db.pending(config.relay().batchSize());
                if (batch.isEmpty()) {
                    signal.await(config.relay().pollInterval());
                    continue;
                }
                if (producer == null) {
                    topics.ensureTopics();
                    producer = kafka.producer("outbox-relay");
                }
                Outcome outcome = publish(producer, batch);
                db.delete(outcome.sent());
                if (outcome.parked() != null) {
                    parkedNow.increment();
                    db.park(outcome.parked(), outcome.error());
                    LOG.errorf("outbox row %d (%s of %s %s) can never be published and parks its aggregate: %s."
                            + " Other aggregates go on; see /api/v1/admin/outbox", outcome.parked().seq(),
                            outcome.parked().type(), outcome.parked().aggregateType(), outcome.parked().aggregateId(),
                            outcome.error());
                } else if (outcome.failed() != null) {
                    failures.increment();
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
        PendingEvent oversized = null;
        String oversizeError = null;
        try {
            for (PendingEvent e : batch) {
                byte[] value = envelopes.write(e);
                if (value.length > config.relay().maxRecordBytes()) {
                    // Sent records stop here: what follows may belong to the same aggregate.
                    oversized = e;
                    oversizeError = "the envelope is " + value.length + " bytes; at most "
                            + config.relay().maxRecordBytes() + " are accepted";
                    break;
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(kafka.topic(e.topic()), e.aggregateId(), value);
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                if (e.traceparent() != null) {
                    // Also as a header, for tools that follow W3C trace context on Kafka without reading the body.
                    record.headers().add("traceparent", e.traceparent().getBytes(StandardCharsets.UTF_8));
                }
                acks.add(producer.send(record));
            }
            producer.flush();
        } catch (RuntimeException e) {
            // Sending stopped at acks.size(); what was handed over before may still be confirmed below.
            return confirmed(batch, acks, describe(e), oversized, oversizeError);
        }
        return confirmed(batch, acks, null, oversized, oversizeError);
    }

    /**
     * Which rows may leave the outbox. A row Kafka confirmed is deleted unless an earlier row of its
     * aggregate in this batch was not confirmed: that one will be sent again, and this one with it, so
     * the aggregate's events reach consumers again in order (their inboxes drop the repeats and put a
     * version that came early aside until the missing one arrives).
     */
    private Outcome confirmed(List<PendingEvent> batch, List<Future<RecordMetadata>> acks, String sendError,
            PendingEvent oversized, String oversizeError) {
        List<PendingEvent> sent = new ArrayList<>();
        java.util.Set<String> brokenAggregates = new java.util.HashSet<>();
        PendingEvent failed = null;
        PendingEvent parked = null;
        String error = null;
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent e = batch.get(i);
            String aggregate = e.aggregateType() + "/" + e.aggregateId();
            Throwable failure = null;
            if (i >= acks.size()) {
                failure = sendError == null ? null : new IllegalStateException(sendError);
                if (failure == null) {
                    break; // not handed over: the oversized row and what follows it wait for the next round
                }
            } else {
                try {
                    acks.get(i).get();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failure = ex;
                } catch (Exception ex) {
                    failure = ex.getCause() != null ? ex.getCause() : ex;
                }
            }
            if (failure == null && !brokenAggregates.contains(aggregate)) {
                sent.add(e);
                published.increment();
                publishLatency.record(Duration.between(e.time(), Instant.now()));
                continue;
            }
            if (failure != null && failed == null && parked == null) {
                if (PublishFailures.isPermanent(failure)) {
                    parked = e;
                } else {
                    failed = e;
                }
                error = describe(failure);
            }
            brokenAggregates.add(aggregate);
        }
        if (failed == null && parked == null && oversized != null) {
            return new Outcome(sent, null, oversized, oversizeError);
        }
        return new Outcome(sent, failed, parked, error);
    }

    private static void closeQuietly(KafkaProducer<String, byte[]> producer, Duration timeout) {
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            LOG.debugf("closing the relay's producer: %s", e.getMessage());
        }
    }

    private RelayConnection connect() throws SQLException {
        return new RelayConnection(LeaderSession.open(RelayConnection.JOB, service));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** What a batch came to: the rows Kafka confirmed, and the first that failed or must be parked. */
    private record Outcome(List<PendingEvent> sent, PendingEvent failed, PendingEvent parked, String error) {
    }
}
