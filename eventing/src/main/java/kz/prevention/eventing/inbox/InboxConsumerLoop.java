package kz.prevention.eventing.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.kafka.KafkaClients;
import kz.prevention.eventing.kafka.TopicProvisioner;
import kz.prevention.eventing.support.Backoff;

/**
 * One {@link EventHandler}'s Kafka consumer: polls, has {@link InboxBatch} apply the poll in one
 * transaction (record by record when that fails, so a poison record goes alone), then — after the
 * commit — sends dead letters and commits offsets, per partition, only past records that are
 * finished with. A partition that must wait (an outage, a version gap) is sought back to its first
 * unfinished record and paused for a while, so the consumer keeps polling and stays in its group.
 */
final class InboxConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxConsumerLoop.class);
    private static final int MAX_DEFERRED = 10_000;

    private final EventHandler handler;
    private final Dispatch dispatch;
    private final InboxBatch batch;
    private final DeadLetters deadLetters;
    private final KafkaClients kafka;
    private final TopicProvisioner topics;
    private final EventingConfig.Inbox config;
    private final String topicPrefix;
    private final ObjectReader reader;
    private final InboxMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean replayRequested = new AtomicBoolean();
    /** A rebuild asked the loop to leave its group until {@link #resume}: completed once it has. */
    private final AtomicReference<CompletableFuture<Void>> suspendRequested =
            new AtomicReference<>();
    private volatile CountDownLatch resumed = new CountDownLatch(0);
    private final Backoff outageBackoff;
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final Map<String, Instant> waitingSince = new HashMap<>();
    /** Records put aside because their aggregate's previous version has not arrived yet, by partition, in order. */
    private final Map<TopicPartition, List<InboxRecord>> deferred = new LinkedHashMap<>();
    private Instant deferredCheckedAt = Instant.EPOCH;
    private volatile KafkaConsumer<String, byte[]> consumer;

    InboxConsumerLoop(EventHandler handler, Dispatch dispatch, InboxBatch batch, DeadLetters deadLetters,
            KafkaClients kafka, TopicProvisioner topics, EventingConfig config, ObjectMapper mapper, InboxMetrics metrics) {
        this.handler = handler;
        this.dispatch = dispatch;
        this.batch = batch;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.topics = topics;
        this.config = config.inbox();
        this.topicPrefix = config.prefix();
        // Producers may add CloudEvents extensions we do not know; they must not make an event unreadable.
        this.reader = mapper.readerFor(CloudEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.metrics = metrics;
        this.outageBackoff = new Backoff(this.config.retryBackoff(), this.config.maxRetryBackoff());
    }

    String name() {
        return handler.name();
    }

    void requestReplay() {
        replayRequested.set(true);
    }

    /**
     * Asks the loop to finish its batch, commit, close its consumer (leaving the group, so another
     * client may commit the group's offsets) and wait for {@link #resume}; the future completes then.
     */
    CompletableFuture<Void> suspend() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        resumed = new CountDownLatch(1);
        suspendRequested.set(done);
        return done;
    }

    /** Lets a suspended loop rejoin its group; it reads on from the group's committed offsets. */
    void resume() {
        resumed.countDown();
    }

    Dispatch dispatch() {
        return dispatch;
    }

    ObjectReader reader() {
        return reader;
    }

    String topicPrefix() {
        return topicPrefix;
    }

    void stop() {
        running.set(false);
        resumed.countDown();
        outageBackoff.wake();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        while (running.get()) {
            CompletableFuture<Void> suspend = suspendRequested.getAndSet(null);
            if (suspend != null) {
                closeConsumer();
                suspend.complete(null);
                awaitResume();
                continue;
            }
            try {
                if (consumer == null) {
                    topics.ensureTopics();
                    consumer = kafka.consumer(handler.name());
                    consumer.subscribe(dispatch.topics().stream().map(kafka::topic).toList(), new ForgetPausesOnRevoke());
                }
                pollOnce();
            } catch (WakeupException e) {
                break;
            } catch (TopicProvisioner.TopicMismatchException e) {
                LOG.errorf("consumer %s refuses to consume: %s", handler.name(), e.getMessage());
                closeConsumer();
                outageBackoff.waitFor(config.maxRetryBackoff());
            } catch (Exception e) {
                if (!running.get()) {
                    break;
                }
                LOG.warnf("consumer %s failed (%s); reconnecting", handler.name(), e.getMessage());
                closeConsumer();
                outageBackoff.pause();
            }
        }
        closeConsumer();
    }

    private void awaitResume() {
        try {
            while (running.get() && !resumed.await(1, TimeUnit.SECONDS)) {
                // a rebuild holds the consumer; it resumes it when it is done (or failed)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void pollOnce() {
        if (replayRequested.getAndSet(false)) {
            LOG.infof("consumer %s replays its topics from the beginning", handler.name());
            deferred.clear();
            waitingSince.clear();
            consumer.seekToBeginning(consumer.assignment());
        }
        resumeDuePartitions();
        limitDeferred();
        ConsumerRecords<String, byte[]> polled = consumer.poll(config.pollTimeout());
        boolean recheck = !deferred.isEmpty()
                && Duration.between(deferredCheckedAt, Instant.now()).compareTo(config.retryBackoff()) >= 0;
        if (polled.isEmpty() && !recheck) {
            return;
        }
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        Map<ConsumerRecord<String, byte[]>, Verdict> verdicts = new HashMap<>();
        Map<ConsumerRecord<String, byte[]>, InboxRecord> parsed = new HashMap<>();
        List<InboxRecord> readable = new ArrayList<>();
        deferred.forEach((tp, records) -> {
            List<ConsumerRecord<String, byte[]>> raws = byPartition.computeIfAbsent(tp, k -> new ArrayList<>());
            for (InboxRecord r : records) {
                raws.add(r.raw());
                parsed.put(r.raw(), r);
                readable.add(r);
            }
        });
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<String, byte[]>> raws = byPartition.computeIfAbsent(tp, k -> new ArrayList<>());
            for (ConsumerRecord<String, byte[]> raw : polled.records(tp)) {
                raws.add(raw);
                InboxRecord r = read(raw, verdicts);
                if (r != null) {
                    readable.add(r);
                    parsed.put(raw, r);
                }
            }
        }
        deferredCheckedAt = Instant.now();
        if (!readable.isEmpty() && !applyBatch(readable, verdicts, parsed)) {
            return;
        }
        finish(byPartition, verdicts, parsed);
    }

    /** The record as an event, or null after giving it a verdict (unreadable, malformed, forged). */
    private InboxRecord read(ConsumerRecord<String, byte[]> raw, Map<ConsumerRecord<String, byte[]>, Verdict> verdicts) {
        return parse(raw, reader, dispatch, topicPrefix, problem -> verdicts.put(raw, Verdict.deadLetter(problem)));
    }

    /** The record as an event, or null after telling {@code refused} why it is not one (unreadable, malformed, forged). */
    static InboxRecord parse(ConsumerRecord<String, byte[]> raw, ObjectReader reader, Dispatch dispatch, String topicPrefix,
            Consumer<String> refused) {
        CloudEvent event;
        try {
            event = reader.readValue(raw.value());
        } catch (Exception e) {
            refused.accept("not a readable CloudEvents JSON envelope: " + e.getMessage());
            return null;
        }
        String problem = event.envelopeProblem();
        String topic = raw.topic().startsWith(topicPrefix) ? raw.topic().substring(topicPrefix.length()) : raw.topic();
        if (problem == null) {
            problem = dispatch.sourceProblem(topic, event);
        }
        if (problem != null) {
            refused.accept("malformed envelope: " + problem);
            return null;
        }
        return new InboxRecord(raw, topic, event);
    }

    /** @return false when the whole poll must wait (an outage); its partitions were sought back and paused */
    private boolean applyBatch(List<InboxRecord> readable, Map<ConsumerRecord<String, byte[]>, Verdict> verdicts,
            Map<ConsumerRecord<String, byte[]>, InboxRecord> parsed) {
        try {
            batch.apply(handler.name(), dispatch, readable, this::gapExpired).forEach((r, v) -> verdicts.put(r.raw(), v));
            outageBackoff.reset();
            return true;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                waitAll(readable, e);
                return false;
            }
            LOG.warnf("consumer %s: a batch of %d failed (%s); applying its records one by one", handler.name(),
                    readable.size(), rootMessage(e));
        }
        Set<String> stopped = new java.util.HashSet<>();
        for (InboxRecord r : readable) {
            String partition = r.raw().topic() + "/" + r.raw().partition();
            if (stopped.contains(partition)) {
                continue;
            }
            Verdict v = applyAlone(r);
            if (v == null) {
                stopped.add(partition);
                continue;
            }
            verdicts.put(r.raw(), v);
            if (v.kind() == Verdict.Kind.HOLD) {
                stopped.add(partition);
            }
        }
        return true;
    }

    /** One record in a transaction of its own; null when it must wait for an outage to pass. */
    private Verdict applyAlone(InboxRecord r) {
        for (int attempt = 1;; attempt++) {
            try {
                Verdict v = batch.apply(handler.name(), dispatch, List.of(r), this::gapExpired).get(r);
                outageBackoff.reset();
                return v;
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    LOG.warnf("consumer %s: %s at %s failed transiently (%s); will retry", handler.name(),
                            r.event().type(), r.position(), rootMessage(e));
                    return null;
                }
                if (attempt >= config.maxAttempts()) {
                    String reason = handler.name() + " failed " + attempt + " times: " + rootMessage(e);
                    try {
                        batch.quarantine(handler.name(), r, reason);
                    } catch (RuntimeException q) {
                        LOG.warnf("consumer %s could not quarantine %s (%s); will retry", handler.name(), r.position(),
                                rootMessage(q));
                        return null;
                    }
                    return Verdict.deadLetter(reason);
                }
                LOG.warnf("consumer %s: %s at %s failed (attempt %d of %d): %s", handler.name(), r.event().type(),
                        r.position(), attempt, config.maxAttempts(), rootMessage(e));
                outageBackoff.waitFor(config.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 6)));
            }
        }
    }

    /**
     * After the commit: dead letters sent, records put aside kept for the next polls, and offsets
     * committed per partition up to (not past) its first record that is not finished with.
     */
    private void finish(Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition,
            Map<ConsumerRecord<String, byte[]>, Verdict> verdicts, Map<ConsumerRecord<String, byte[]>, InboxRecord> parsed) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (Map.Entry<TopicPartition, List<ConsumerRecord<String, byte[]>>> e : byPartition.entrySet()) {
            TopicPartition tp = e.getKey();
            List<InboxRecord> aside = new ArrayList<>();
            Long firstOpen = null;
            long next = -1;
            for (ConsumerRecord<String, byte[]> raw : e.getValue()) {
                Verdict v = verdicts.get(raw);
                InboxRecord r = parsed.get(raw);
                if (v == null) {
                    // Not reached: the one-by-one pass stopped at an outage in this partition. Read again from
                    // here (or from the first record put aside, which comes before it).
                    firstOpen = firstOpen == null ? raw.offset() : Math.min(firstOpen, raw.offset());
                    hold(tp, firstOpen, retryDelay());
                    aside.clear();
                    break;
                }
                if (v.kind() == Verdict.Kind.HOLD) {
                    waitingSince.putIfAbsent(r.position(), Instant.now());
                    aside.add(r);
                    firstOpen = firstOpen == null ? raw.offset() : firstOpen;
                    continue;
                }
                if (v.kind() == Verdict.Kind.DEAD_LETTER && !deadLetter(raw, v.reason())) {
                    firstOpen = firstOpen == null ? raw.offset() : Math.min(firstOpen, raw.offset());
                    hold(tp, firstOpen, config.maxRetryBackoff());
                    aside.clear();
                    break;
                }
                if (r != null) {
                    waitingSince.remove(r.position());
                    metrics.count(v, r.event().time());
                }
                next = raw.offset() + 1;
            }
            if (aside.isEmpty()) {
                deferred.remove(tp);
            } else {
                deferred.put(tp, aside);
            }
            long commit = firstOpen != null ? firstOpen : next;
            if (commit >= 0) {
                done.put(tp, new OffsetAndMetadata(commit));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    /** Stops reading partitions while too many records are put aside; the gap wait will settle them. */
    private void limitDeferred() {
        int count = deferred.values().stream().mapToInt(List::size).sum();
        if (count > MAX_DEFERRED) {
            consumer.pause(deferred.keySet());
            deferred.keySet().forEach(tp -> pausedUntil.put(tp, Instant.now().plus(config.retryBackoff())));
        }
    }

    private boolean gapExpired(InboxRecord r) {
        Instant since = waitingSince.get(r.position());
        return since != null && Duration.between(since, Instant.now()).compareTo(config.gapMaxWait()) > 0;
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String error) {
        try {
            deadLetters.send(handler.name(), record, error);
            metrics.deadLettered(error);
            LOG.errorf("consumer %s dead-lettered %s/%d@%d to %s%s: %s", handler.name(), record.topic(),
                    record.partition(), record.offset(), record.topic(), DeadLetters.SUFFIX, error);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("consumer %s could not dead-letter %s/%d@%d (%s); will retry", handler.name(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return false;
        }
    }

    private void waitAll(List<InboxRecord> readable, RuntimeException cause) {
        LOG.warnf("consumer %s: a batch failed transiently (%s); retrying in %d ms", handler.name(), rootMessage(cause),
                retryDelay().toMillis());
        Map<TopicPartition, Long> first = new HashMap<>();
        for (InboxRecord r : readable) {
            TopicPartition tp = new TopicPartition(r.raw().topic(), r.raw().partition());
            if (!deferred.getOrDefault(tp, List.of()).contains(r)) {
                first.merge(tp, r.raw().offset(), Math::min);
            }
        }
        Duration wait = retryDelay();
        first.forEach((tp, offset) -> hold(tp, offset, wait));
        outageBackoff.pause();
    }

    private Duration retryDelay() {
        return Duration.ofMillis(Math.max(config.retryBackoff().toMillis(), outageBackoff.currentMillis() * 2));
    }

    private void hold(TopicPartition tp, long offset, Duration wait) {
        consumer.seek(tp, offset);
        consumer.pause(List.of(tp));
        pausedUntil.put(tp, Instant.now().plus(wait));
    }

    private void resumeDuePartitions() {
        Iterator<Map.Entry<TopicPartition, Instant>> it = pausedUntil.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<TopicPartition, Instant> e = it.next();
            if (Instant.now().isAfter(e.getValue())) {
                if (consumer.assignment().contains(e.getKey())) {
                    consumer.resume(Set.of(e.getKey()));
                }
                it.remove();
            }
        }
    }

    private void closeConsumer() {
        KafkaConsumer<String, byte[]> c = consumer;
        consumer = null;
        pausedUntil.clear();
        deferred.clear();
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("closing consumer %s: %s", handler.name(), e.getMessage());
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private final class ForgetPausesOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(pausedUntil::remove);
            // Their next owner reads them again from the committed offset, which is before anything put aside.
            partitions.forEach(deferred::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Newly assigned partitions start where the group's committed offsets say.
        }
    }
}
