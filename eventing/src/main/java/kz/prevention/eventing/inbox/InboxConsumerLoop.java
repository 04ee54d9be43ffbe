package kz.prevention.eventing.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * One {@link EventHandler}'s Kafka consumer: polls, hands each record to the inbox in order,
 * and commits offsets only past records that were applied, recognised as duplicates, or safely
 * dead-lettered. A record that must wait (an outage, a version gap under WAIT) is sought back
 * to and its partition paused for a while, so the consumer keeps polling and stays in its group.
 */
final class InboxConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxConsumerLoop.class);

    private final EventHandler handler;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final KafkaClients kafka;
    private final TopicProvisioner topics;
    private final EventingConfig.Inbox config;
    private final String topicPrefix;
    private final ObjectReader reader;
    private final InboxMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean replayRequested = new AtomicBoolean();
    private final Backoff outageBackoff;
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final Map<String, Instant> waitingSince = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;

    InboxConsumerLoop(EventHandler handler, Inbox inbox, DeadLetters deadLetters, KafkaClients kafka,
            TopicProvisioner topics, EventingConfig config, ObjectMapper mapper, InboxMetrics metrics) {
        this.handler = handler;
        this.inbox = inbox;
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

    void stop() {
        running.set(false);
        outageBackoff.wake();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        while (running.get()) {
            try {
                if (consumer == null) {
                    topics.ensureTopics();
                    consumer = kafka.consumer(handler.name());
                    consumer.subscribe(handler.topics().stream().map(kafka::topic).toList(), new ForgetPausesOnRevoke());
                }
                pollOnce();
            } catch (WakeupException e) {
                break;
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

    private void pollOnce() {
        if (replayRequested.getAndSet(false)) {
            LOG.infof("consumer %s replays its topics from the beginning", handler.name());
            consumer.seekToBeginning(consumer.assignment());
        }
        resumeDuePartitions();
        ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
                Duration wait = process(record);
                if (wait != null) {
                    consumer.seek(tp, record.offset());
                    consumer.pause(List.of(tp));
                    pausedUntil.put(tp, Instant.now().plus(wait));
                    break;
                }
                done.put(tp, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    /** @return null when the record is finished with, or how long to wait before trying it again */
    private Duration process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = reader.readValue(record.value());
        } catch (Exception e) {
            return deadLetter(record, "not a readable CloudEvents JSON envelope: " + e.getMessage());
        }
        String problem = event.envelopeProblem();
        if (problem != null) {
            return deadLetter(record, "malformed envelope: " + problem);
        }
        String logicalTopic = record.topic().startsWith(topicPrefix) ? record.topic().substring(topicPrefix.length())
                : record.topic();
        String position = record.topic() + "/" + record.partition() + "@" + record.offset();
        for (int attempt = 1;; attempt++) {
            try {
                ApplyResult result = inbox.apply(handler, logicalTopic, event, metrics::gap);
                metrics.count(result, event.time());
                waitingSince.remove(position);
                outageBackoff.reset();
                return null;
            } catch (VersionGapException gap) {
                Instant since = waitingSince.computeIfAbsent(position, p -> Instant.now());
                if (Duration.between(since, Instant.now()).compareTo(config.gapMaxWait()) > 0) {
                    waitingSince.remove(position);
                    return deadLetter(record, "version gap not closed within " + config.gapMaxWait() + ": " + gap.getMessage());
                }
                return config.retryBackoff();
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    LOG.warnf("consumer %s: %s at %s failed transiently (%s); will retry", handler.name(), event.type(),
                            position, rootMessage(e));
                    return Duration.ofMillis(Math.max(config.retryBackoff().toMillis(), outageBackoff.currentMillis() * 2));
                }
                if (attempt >= config.maxAttempts()) {
                    return deadLetter(record, handler.name() + " failed " + attempt + " times: " + rootMessage(e));
                }
                LOG.warnf("consumer %s: %s at %s failed (attempt %d of %d): %s", handler.name(), event.type(), position,
                        attempt, config.maxAttempts(), rootMessage(e));
                outageBackoff.waitFor(config.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 6)));
            }
        }
    }

    private Duration deadLetter(ConsumerRecord<String, byte[]> record, String error) {
        try {
            deadLetters.send(handler.name(), record, error);
            metrics.deadLettered();
            LOG.errorf("consumer %s dead-lettered %s/%d@%d to %s%s: %s", handler.name(), record.topic(),
                    record.partition(), record.offset(), record.topic(), DeadLetters.SUFFIX, error);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return config.retryBackoff();
        } catch (Exception e) {
            LOG.warnf("consumer %s could not dead-letter %s/%d@%d (%s); will retry", handler.name(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return config.maxRetryBackoff();
        }
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
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Newly assigned partitions start where the group's committed offsets say.
        }
    }
}
