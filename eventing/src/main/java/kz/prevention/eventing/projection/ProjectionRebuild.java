package kz.prevention.eventing.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.inbox.ConsumerReplay;
import kz.prevention.eventing.inbox.InboxConsumers;
import kz.prevention.eventing.kafka.KafkaClients;

/**
 * Rebuilds a consumer's read models from its topics, beside the live ones:
 * <ol>
 * <li>the consumer's live loop commits its last batch and leaves its group (the live read models
 * keep answering, as they stood);</li>
 * <li>the end offset of every partition of its topics is taken, and empty copies of its read
 * models and of its aggregates' positions are made in a shadow schema ({@link ShadowSchema});</li>
 * <li>a reader outside any group reads every partition from offset 0 up to (not past) those end
 * offsets, and the consumer's handlers apply the records there in large batches, without per-event
 * inbox rows ({@code ConsumerReplay}: versions per aggregate decide repeats and holes);</li>
 * <li>caught up, one transaction drops the live read models, moves the shadow ones in under their
 * names and replaces the consumer's positions with the rebuilt ones; the consumer group's offsets
 * are then set to the end offsets of step 2 and the live loop rejoins: an event published during
 * the rebuild was not replayed, and live consumption applies it, once.</li>
 * </ol>
 * A rebuild that fails drops its shadow schema and lets the live loop go on from where it stopped,
 * the live read models untouched. It reads all partitions and moves the group's offsets: run it
 * with the service scaled to one replica. The shadow tables are made and moved with DDL: the
 * service's database user must own the read models' tables.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    public enum State {
        RUNNING, DONE, FAILED
    }

    /**
     * A rebuild's progress: the topics it replays, rows of the read models it replaces, records to replay
     * (up to the end offsets taken at its start), applied, skipped (repeats, unreadable), quarantined.
     */
    public record Status(String consumer, List<String> topics, State state, long replacedRows, long records,
            long applied, long skipped, long quarantined, Instant startedAt, Instant finishedAt, String error) {
    }

    @Inject
    InboxConsumers consumers;
    @Inject
    KafkaClients kafka;
    @Inject
    ShadowSchema shadows;
    @Inject
    EventingConfig config;

    private final AtomicReference<Run> current = new AtomicReference<>();

    /** The reader's last word to the applying thread: every record up to the end offsets was handed over. */
    private static final Object END = new Object();

    /**
     * Starts a rebuild of {@code consumer}'s read models ({@code tables}, in the current schema);
     * returns once the live loop is held and the end offsets are taken, the replay running on its
     * own thread. {@code beforeSwap}: statements run in the shadow schema once the replay is
     * caught up (e.g. filling tables derived from the read models, which live triggers keep).
     *
     * @throws AlreadyRunning when a rebuild runs
     */
    public synchronized Status start(String consumer, Collection<String> tables, List<String> beforeSwap) {
        Run previous = current.get();
        if (previous != null && previous.state == State.RUNNING) {
            throw new AlreadyRunning(previous.status());
        }
        ConsumerReplay replay = consumers.replayOf(consumer);
        Run run = new Run(replay, List.copyOf(tables), List.copyOf(beforeSwap));
        replay.suspendLive(Duration.ofSeconds(60));
        try {
            run.prepare();
        } catch (RuntimeException e) {
            run.fail(e);
            throw e;
        }
        current.set(run);
        Thread t = new Thread(run, "rebuild-" + consumer);
        t.setDaemon(true);
        t.start();
        return run.status();
    }

    /** The running or last rebuild. */
    public Optional<Status> status() {
        Run run = current.get();
        return run == null ? Optional.empty() : Optional.of(run.status());
    }

    /** The running or last rebuild, once it has finished or {@code within} has passed. */
    public Optional<Status> await(Duration within) {
        Run run = current.get();
        if (run == null) {
            return Optional.empty();
        }
        synchronized (run) {
            long deadline = System.nanoTime() + within.toNanos();
            while (run.state == State.RUNNING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    run.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return Optional.of(run.status());
    }

    /** A rebuild is already running: its status. */
    public static final class AlreadyRunning extends RuntimeException {
        private final transient Status status;

        AlreadyRunning(Status status) {
            super("a rebuild of " + status.consumer() + " is running", null, false, false);
            this.status = status;
        }

        public Status status() {
            return status;
        }
    }

    private final class Run implements Runnable {
        private final ConsumerReplay replay;
        private final List<String> tables;
        private final List<String> beforeSwap;
        private final String schema;
        private final Instant startedAt = Instant.now();
        private final AtomicLong applied = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final AtomicLong quarantined = new AtomicLong();
        private Map<TopicPartition, Long> end = Map.of();
        private long records;
        private long replacedRows;
        private volatile State state = State.RUNNING;
        private volatile Instant finishedAt;
        private volatile String error;

        Run(ConsumerReplay replay, List<String> tables, List<String> beforeSwap) {
            this.replay = replay;
            this.tables = tables;
            this.beforeSwap = beforeSwap;
            this.schema = ShadowSchema.nameFor(replay.name());
        }

        Status status() {
            return new Status(replay.name(), replay.topics(), state, replacedRows, records, applied.get(), skipped.get(),
                    quarantined.get(), startedAt, finishedAt, error);
        }

        /** With the live loop held: the end offsets the replay stops at, and the empty shadow tables. */
        void prepare() {
            try (KafkaConsumer<String, byte[]> reader = kafka.reader(config.inbox().rebuildBatchSize())) {
                List<TopicPartition> partitions = partitions(reader);
                end = reader.endOffsets(partitions);
                Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions);
                records = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            }
            replacedRows = shadows.create(schema, tables);
        }

        @Override
        public void run() {
            try {
                replayToEnd();
                shadows.run(schema, beforeSwap);
                shadows.completeIndexes(schema, tables);
                shadows.swapIn(schema, tables, replay.name());
                commitLiveOffsets();
                finish(State.DONE, null);
                LOG.infof("rebuild of %s done: %d records, %d applied, %d skipped, %d quarantined", replay.name(),
                        records, applied.get(), skipped.get(), quarantined.get());
            } catch (RuntimeException e) {
                LOG.errorf(e, "rebuild of %s failed; the live read models stay", replay.name());
                fail(e);
            } finally {
                replay.resumeLive();
            }
        }

        void fail(RuntimeException e) {
            try {
                shadows.drop(schema);
            } catch (RuntimeException d) {
                LOG.warnf("rebuild of %s: could not drop %s (%s)", replay.name(), schema, d.getMessage());
            }
            replay.resumeLive();
            finish(State.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        private synchronized void finish(State s, String why) {
            error = why;
            finishedAt = Instant.now();
            state = s;
            notifyAll();
        }

        /**
         * Two threads: this one applies batches while a reader polls the next one and decodes it, so the
         * database and the JSON decoding overlap (one after the other they took turns: most of a rebuild's time was
         * either a wait on PostgreSQL or decoding, rarely both). The hand-over is synchronous: the reader decodes one
         * batch ahead and waits with it, so two batches are in memory at most — a decoded batch holds every record's
         * bytes, JSON tree and payload, and the services run with a 96 MB heap.
         */
        private void replayToEnd() {
            BlockingQueue<Object> batches = new SynchronousQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> read(batches, stop), "rebuild-" + replay.name() + "-reader");
            reader.setDaemon(true);
            reader.start();
            boolean read = false;
            try {
                while (true) {
                    Object next = batches.take();
                    if (next == END) {
                        read = true;
                        return;
                    }
                    if (next instanceof RuntimeException e) {
                        throw e;
                    }
                    apply((ConsumerReplay.Batch) next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild of " + replay.name() + " interrupted");
            } finally {
                if (!read) {
                    // Failed here: the reader stops where it is (it closes its consumer by itself after the END).
                    stop.set(true);
                    reader.interrupt();
                }
            }
        }

        /** The reader: every partition from offset 0 up to the end offsets, in decoded batches, then {@link #END}. */
        private void read(BlockingQueue<Object> batches, AtomicBoolean stop) {
            int batchSize = config.inbox().rebuildBatchSize();
            try (KafkaConsumer<String, byte[]> reader = kafka.reader(batchSize)) {
                List<TopicPartition> partitions = partitions(reader);
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                Set<TopicPartition> open = new HashSet<>();
                for (TopicPartition tp : partitions) {
                    if (reader.position(tp) < end.getOrDefault(tp, 0L)) {
                        open.add(tp);
                    }
                }
                reader.pause(minus(partitions, open));
                List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>(batchSize);
                while (!open.isEmpty() && !stop.get()) {
                    ConsumerRecords<String, byte[]> polled = reader.poll(Duration.ofMillis(500));
                    for (TopicPartition tp : polled.partitions()) {
                        long stopAt = end.get(tp);
                        for (ConsumerRecord<String, byte[]> r : polled.records(tp)) {
                            if (r.offset() < stopAt) {
                                pending.add(r);
                            }
                        }
                    }
                    for (TopicPartition tp : List.copyOf(open)) {
                        if (reader.position(tp) >= end.get(tp)) {
                            open.remove(tp);
                            reader.pause(List.of(tp));
                        }
                    }
                    if (pending.size() >= batchSize || open.isEmpty() || polled.isEmpty()) {
                        hand(batches, pending, stop);
                    }
                }
                hand(batches, pending, stop);
                batches.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                try {
                    batches.put(e);
                } catch (InterruptedException stopped) {
                    // The applying thread failed first and stopped this one: its error is the rebuild's.
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void hand(BlockingQueue<Object> batches, List<ConsumerRecord<String, byte[]>> pending, AtomicBoolean stop)
                throws InterruptedException {
            if (pending.isEmpty() || stop.get()) {
                return;
            }
            batches.put(replay.read(pending));
            pending.clear();
        }

        private void apply(ConsumerReplay.Batch batch) {
            ConsumerReplay.Counts c = replay.apply(batch, schema);
            applied.addAndGet(c.applied());
            skipped.addAndGet(c.skipped());
            quarantined.addAndGet(c.quarantined());
        }

        /** The live group goes on from where the replay stopped: nothing replayed is read again, nothing after it missed. */
        private void commitLiveOffsets() {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            end.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
            try (KafkaConsumer<String, byte[]> group = kafka.consumer(replay.name())) {
                group.assign(offsets.keySet());
                group.commitSync(offsets);
            }
        }

        private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> reader) {
            List<TopicPartition> out = new ArrayList<>();
            for (String topic : replay.topics()) {
                reader.partitionsFor(topic).forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
            }
            return out;
        }

        private static List<TopicPartition> minus(List<TopicPartition> all, Set<TopicPartition> open) {
            return all.stream().filter(tp -> !open.contains(tp)).toList();
        }
    }
}
