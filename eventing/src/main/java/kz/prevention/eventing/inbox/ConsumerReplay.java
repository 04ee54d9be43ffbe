package kz.prevention.eventing.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.kafka.KafkaClients;

/**
 * One consumer as a rebuild sees it ({@code projection.ProjectionRebuild}): the topics it reads,
 * its live loop held out of its group while the rebuild runs, and replayed records applied the
 * consumer's way (its handlers, its aggregates' versions) into a shadow schema, in batches and
 * without per-event inbox rows ({@link InboxBatch#applyReplayed}).
 */
public final class ConsumerReplay {

    private static final Logger LOG = Logger.getLogger(ConsumerReplay.class);

    /** What a batch of replayed records came to. */
    public record Counts(int applied, int skipped, int quarantined) {
    }

    private final InboxConsumerLoop loop;
    private final InboxBatch batch;
    private final KafkaClients kafka;
    private final int maxAttempts;

    ConsumerReplay(InboxConsumerLoop loop, InboxBatch batch, KafkaClients kafka, int maxAttempts) {
        this.loop = loop;
        this.batch = batch;
        this.kafka = kafka;
        this.maxAttempts = maxAttempts;
    }

    public String name() {
        return loop.name();
    }

    /** The deployed (prefixed) names of the topics the consumer reads. */
    public List<String> topics() {
        return loop.dispatch().topics().stream().map(kafka::topic).toList();
    }

    /** Waits until the live loop has committed its last batch and left its group. */
    public void suspendLive(Duration within) {
        try {
            loop.suspend().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            loop.resume();
            throw new IllegalStateException("consumer " + name() + " did not stop within " + within);
        } catch (ExecutionException e) {
            loop.resume();
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            loop.resume();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping consumer " + name());
        }
    }

    /** The live loop rejoins its group and reads on from the group's committed offsets. */
    public void resumeLive() {
        loop.resume();
    }

    /**
     * Replayed records read: the readable ones, with their payloads decoded (a payload that does not decode is
     * left to the handler's dispatch, which fails it as live consumption did), and how many were unreadable.
     * Safe on another thread than {@link #apply}: a rebuild reads the next batch while this one is written.
     */
    public static final class Batch {
        private final List<InboxRecord> readable;
        private final int unreadable;

        private Batch(List<InboxRecord> readable, int unreadable) {
            this.readable = readable;
            this.unreadable = unreadable;
        }

        public int size() {
            return readable.size() + unreadable;
        }
    }

    /** Reads replayed records: their envelopes checked as live consumption checks them, their payloads decoded. */
    public Batch read(List<ConsumerRecord<String, byte[]>> raws) {
        List<InboxRecord> readable = new ArrayList<>(raws.size());
        int unreadable = 0;
        for (ConsumerRecord<String, byte[]> raw : raws) {
            InboxRecord r = InboxConsumerLoop.parse(raw, loop.reader(), loop.dispatch(), loop.topicPrefix(), why -> { });
            if (r == null) {
                unreadable++;
            } else {
                readable.add(decoded(r));
            }
        }
        return new Batch(readable, unreadable);
    }

    /**
     * The record with its payload decoded and, once decoded, without what only decoding needed — the envelope's
     * JSON tree and the record's bytes — so a batch waiting to be written holds a fraction of what it read: a
     * rebuild with the whole batch as read ran reporting-service (96 MB heap, devstack) out of memory at ~50,000
     * records. A payload that does not decode keeps everything, for the handler's dispatch to fail it as before.
     */
    private InboxRecord decoded(InboxRecord r) {
        DomainEvent payload;
        try {
            payload = loop.dispatch().decode(r.event());
        } catch (IllegalArgumentException e) {
            return r;
        }
        CloudEvent e = r.event();
        CloudEvent light = new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject(), e.time(),
                e.datacontenttype(), e.aggregateversion(), e.traceparent(), null);
        ConsumerRecord<String, byte[]> raw = r.raw();
        return new InboxRecord(new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.key(), null),
                r.topic(), light, payload);
    }

    /**
     * Applies a batch of replayed records into {@code schema} in one transaction; when that fails, one by one,
     * and a record that still fails ({@code max-attempts} times) quarantines its aggregate there, as
     * live consumption dead-lettered it. A transient failure (the database away) is thrown.
     */
    public Counts apply(Batch replayed, String schema) {
        List<InboxRecord> readable = replayed.readable;
        int unreadable = replayed.unreadable;
        if (readable.isEmpty()) {
            return new Counts(0, unreadable, 0);
        }
        try {
            return count(batch.applyReplayed(name(), loop.dispatch(), readable, schema), unreadable);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.warnf("rebuild of %s: a batch of %d failed (%s); applying its records one by one", name(),
                    readable.size(), e.getMessage());
        }
        int applied = 0;
        int skipped = unreadable;
        int quarantined = 0;
        for (InboxRecord r : readable) {
            Counts one = applyAlone(r, schema);
            applied += one.applied();
            skipped += one.skipped();
            quarantined += one.quarantined();
        }
        return new Counts(applied, skipped, quarantined);
    }

    private Counts applyAlone(InboxRecord r, String schema) {
        for (int attempt = 1;; attempt++) {
            try {
                return count(batch.applyReplayed(name(), loop.dispatch(), List.of(r), schema), 0);
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    batch.quarantineReplayed(name(), r, name() + " failed " + attempt + " times in a rebuild: "
                            + e.getMessage(), schema);
                    return new Counts(0, 0, 1);
                }
            }
        }
    }

    private static Counts count(Map<InboxRecord, Verdict> verdicts, int skipped) {
        int applied = 0;
        int quarantined = 0;
        for (Verdict v : verdicts.values()) {
            if (v.kind() == Verdict.Kind.APPLIED) {
                applied++;
            } else if (v.quarantines()) {
                quarantined++;
            } else {
                skipped++;
            }
        }
        return new Counts(applied, skipped, quarantined);
    }
}
