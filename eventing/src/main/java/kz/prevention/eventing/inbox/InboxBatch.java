package kz.prevention.eventing.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.envelope.Tracing;

/**
 * Applies a poll's records in one transaction: their ids checked at once, the versions of their
 * aggregates locked once in key order, stale events and gaps decided in memory, the handlers run
 * in order, the new state written back in two statements, one commit. A record is then in one of
 * four states ({@link Verdict}); the consumer loop sends dead letters and commits offsets after
 * the commit, and replays a failed batch record by record.
 *
 * <p>Rules, per consumer and aggregate (each version is published once per aggregate, so these
 * are exact): an id already applied is a duplicate; a version at or below the last applied one
 * with an unknown id is stale — a duplicate if the event is older than the inbox's retention (its
 * id was pruned), otherwise an anomaly, dead-lettered; a version above the next one came early: it
 * is put aside (the consumer loop keeps it and offers it again with later polls, other aggregates
 * go on) until the missing version arrives, for at most {@code gap-max-wait}; then it is
 * dead-lettered and the aggregate quarantined, so its later events follow it to the dead-letter
 * topic in order instead of being applied past the hole.
 */
@ApplicationScoped
public class InboxBatch {

    private final AgroalDataSource dataSource;
    private final Tracing tracing;
    private final Duration retention;
    private final ReadModelWrites writes;

    @Inject
    public InboxBatch(AgroalDataSource dataSource, Tracing tracing, EventingConfig config, ReadModelWrites writes) {
        this.dataSource = dataSource;
        this.tracing = tracing;
        this.writes = writes;
        this.retention = config.inbox().retention();
    }

    /**
     * @param gapExpired whether a held record has waited long enough to be dead-lettered
     * @return a verdict per record, in the records' order; records after a HOLD in the same partition are absent
     */
    Map<InboxRecord, Verdict> apply(String consumer, Dispatch dispatch, List<InboxRecord> records,
            Predicate<InboxRecord> gapExpired) {
        return QuarkusTransaction.requiringNew().call(() -> applyInTransaction(consumer, dispatch, records, gapExpired));
    }

    /** Quarantines the aggregate of a record that keeps failing, in a transaction of its own. */
    void quarantine(String consumer, InboxRecord record, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                quarantine(c, consumer, record, reason);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Map<InboxRecord, Verdict> applyInTransaction(String consumer, Dispatch dispatch, List<InboxRecord> records,
            Predicate<InboxRecord> gapExpired) throws SQLException {
        Map<InboxRecord, Verdict> verdicts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            Set<UUID> seen = InboxStore.alreadyApplied(c, consumer,
                    records.stream().map(r -> UUID.fromString(r.event().id())).toList());
            Map<String, InboxStore.Position> positions = positions(c, consumer, records, true);
            Map<String, InboxStore.Position> changed = new HashMap<>();
            List<InboxRecord> applied = new ArrayList<>();
            Set<UUID> appliedIds = new HashSet<>();
            List<InboxRecord> open = new ArrayList<>(records);
            // Passes until nothing moves: a version that came early waits for the one before it, which may
            // come later in the same poll (the relay re-sends an aggregate's events in order after a failure).
            boolean progress = true;
            while (progress) {
                progress = false;
                for (java.util.Iterator<InboxRecord> it = open.iterator(); it.hasNext();) {
                    InboxRecord r = it.next();
                    Verdict v = decide(r, seen, appliedIds, positions, gapExpired);
                    if (v.kind() == Verdict.Kind.HOLD) {
                        verdicts.put(r, v);
                        continue;
                    }
                    it.remove();
                    verdicts.put(r, v);
                    progress = true;
                    if (v.kind() == Verdict.Kind.APPLIED) {
                        handle(consumer, dispatch, r);
                        InboxStore.Position next = new InboxStore.Position(r.event().aggregateversion(), null);
                        positions.put(r.aggregateKey(), next);
                        changed.put(r.aggregateKey(), next);
                        applied.add(r);
                        appliedIds.add(UUID.fromString(r.event().id()));
                    } else if (v.quarantines()) {
                        InboxStore.Position p = positions.get(r.aggregateKey());
                        InboxStore.Position q = new InboxStore.Position(p == null ? 0 : p.lastVersion(), reason(r, v.reason()));
                        positions.put(r.aggregateKey(), q);
                        changed.put(r.aggregateKey(), q);
                    }
                }
            }
            // The handlers' deferred read-model statements, as batches: a failure fails this batch here.
            writes.flush();
            InboxStore.savePositions(c, consumer, changed);
            if (!InboxStore.recordApplied(c, consumer, applied)) {
                throw new ConcurrentConsumerException(consumer);
            }
        }
        return verdicts;
    }

    /**
     * Applies records replayed from offset 0 into a rebuild's shadow schema ({@code schema}, first on
     * the transaction's search path, so the handlers' statements and the positions land there), in one
     * transaction and without per-event id rows: the replay reads each partition once, in order, into
     * a clean state, so the aggregates' versions alone tell a repeat (at or below the last applied:
     * skipped) from the next event (applied) and from a hole (the aggregate is quarantined at once,
     * as the live consumer did after its wait). Nothing is dead-lettered: live consumption did that.
     */
    Map<InboxRecord, Verdict> applyReplayed(String consumer, Dispatch dispatch, List<InboxRecord> records, String schema) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<InboxRecord, Verdict> verdicts = new LinkedHashMap<>();
            try (Connection c = dataSource.getConnection()) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL search_path TO " + schema + ", public");
                }
                Map<String, InboxStore.Position> positions = positions(c, consumer, records, false);
                Map<String, InboxStore.Position> changed = new HashMap<>();
                for (InboxRecord r : records) {
                    InboxStore.Position p = positions.get(r.aggregateKey());
                    long last = p == null ? 0 : p.lastVersion();
                    long version = r.event().aggregateversion();
                    Verdict v;
                    if (p != null && p.quarantine() != null) {
                        v = Verdict.deadLetter("aggregate quarantined: " + p.quarantine());
                    } else if (version <= last) {
                        v = Verdict.DUPLICATE;
                    } else if (version > last + 1) {
                        v = Verdict.quarantine("version gap: last applied " + last + ", received " + version);
                    } else {
                        v = Verdict.APPLIED;
                    }
                    verdicts.put(r, v);
                    InboxStore.Position next = null;
                    if (v.kind() == Verdict.Kind.APPLIED) {
                        handle(consumer, dispatch, r);
                        next = new InboxStore.Position(version, null);
                    } else if (v.quarantines()) {
                        next = new InboxStore.Position(last, reason(r, v.reason()));
                    }
                    if (next != null) {
                        positions.put(r.aggregateKey(), next);
                        changed.put(r.aggregateKey(), next);
                    }
                }
                writes.flush();
                InboxStore.savePositions(c, consumer, changed);
            }
            return verdicts;
        });
    }

    /** Marks the record's aggregate quarantined with the reason, at the last version applied before it. */
    private static void quarantine(Connection c, String consumer, InboxRecord record, String reason) throws SQLException {
        Map<String, InboxStore.Position> positions = InboxStore.lockPositions(c, consumer, record.topic(),
                Set.of(record.event().subject()));
        InboxStore.Position p = positions.get(record.aggregateKey());
        long last = p == null ? record.event().aggregateversion() - 1 : p.lastVersion();
        InboxStore.savePositions(c, consumer, Map.of(record.aggregateKey(), new InboxStore.Position(last,
                reason(record, reason))));
    }

    /** Quarantines, in a rebuild's shadow schema, the aggregate of a replayed record that fails alone. */
    void quarantineReplayed(String consumer, InboxRecord record, String reason, String schema) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL search_path TO " + schema + ", public");
                }
                quarantine(c, consumer, record, reason);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Verdict decide(InboxRecord r, Set<UUID> seen, Set<UUID> appliedIds, Map<String, InboxStore.Position> positions,
            Predicate<InboxRecord> gapExpired) {
        UUID id = UUID.fromString(r.event().id());
        if (seen.contains(id) || appliedIds.contains(id)) {
            return Verdict.DUPLICATE;
        }
        InboxStore.Position p = positions.get(r.aggregateKey());
        long last = p == null ? 0 : p.lastVersion();
        long version = r.event().aggregateversion();
        if (p != null && p.quarantine() != null) {
            return Verdict.deadLetter("aggregate quarantined: " + p.quarantine());
        }
        if (version <= last) {
            return stale(r, last);
        }
        if (version > last + 1) {
            String gap = "version gap: last applied " + last + ", received " + version;
            return gapExpired.test(r) ? Verdict.quarantine(gap) : Verdict.hold(gap);
        }
        return Verdict.APPLIED;
    }

    private Verdict stale(InboxRecord r, long last) {
        Instant horizon = Instant.now().minus(retention);
        if (r.event().time() != null && r.event().time().isBefore(horizon)) {
            return Verdict.DUPLICATE;
        }
        return Verdict.deadLetter("stale: version " + r.event().aggregateversion() + " is at or below the last applied "
                + last + " under another event id");
    }

    private Map<String, InboxStore.Position> positions(Connection c, String consumer, List<InboxRecord> records,
            boolean lock) throws SQLException {
        Map<String, Set<String>> byTopic = new LinkedHashMap<>();
        for (InboxRecord r : records) {
            byTopic.computeIfAbsent(r.topic(), t -> new HashSet<>()).add(r.event().subject());
        }
        Map<String, InboxStore.Position> positions = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : byTopic.entrySet()) {
            positions.putAll(InboxStore.positions(c, consumer, e.getKey(), e.getValue(), lock));
        }
        return positions;
    }

    private void handle(String consumer, Dispatch dispatch, InboxRecord r) {
        Span span = tracing.consumerSpan(consumer, r.event());
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try (Scope ignored = span.makeCurrent()) {
            dispatch.apply(r.event(), r.decoded());
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private static String reason(InboxRecord r, String why) {
        long v = r.event().aggregateversion();
        String text = "at version " + v + " (" + r.position() + "): " + why;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** Another consumer of the same group applied an event of this batch first (a rebalance overlap): retry. */
    static final class ConcurrentConsumerException extends RuntimeException {
        ConcurrentConsumerException(String consumer) {
            super("another instance of consumer " + consumer + " applied part of this batch first", null, false, false);
        }
    }
}
