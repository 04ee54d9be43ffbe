package kz.prevention.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.prevention.eventing.kafka.KafkaClients;
import kz.prevention.eventing.support.Backoff;
import kz.prevention.eventing.support.LeaderSession;

/**
 * Chains the audit log, one replica per service at a time (an advisory lock on a session of its
 * own, as the outbox relay): rows are sealed in the order the sealer sees them committed, in
 * batches, each seal's MAC covering the previous seal's, the position and the row's own MAC. A row
 * whose MAC does not verify (inserted by someone without the key) is never sealed: it stays
 * visible to the verifier as forged. A row whose transaction commits after later rows were sealed
 * is caught behind the cursor: the ids the cursor passed without a row are remembered as gaps and
 * looked up again each round ({@link AuditGaps}), and a full sweep of the window behind the cursor
 * runs when the sealer takes the lead and then once a minute, for what the gaps cannot know (rows in
 * flight when it took the lead, gaps given up). The full sweep probes every row of the window; run
 * every tenth round, as it was, it kept a sealer with 100,000 rows behind it at 3.5–7 % of a core
 * while its service idled. Signed checkpoints go out on Kafka.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    static final String JOB = "audit-sealer";
    /** How far behind the cursor the full sweep looks for rows that committed late. */
    private static final long SWEEP_WINDOW = 100_000;
    private static final Duration FULL_SWEEP_EVERY = Duration.ofMinutes(1);
    /** How long an id the cursor passed without a row is looked up again: longer than any transaction. */
    private static final Duration GAP_HORIZON = Duration.ofMinutes(10);
    static final String GENESIS = "0".repeat(64);

    private final AuditConfig config;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final String service;
    private final Backoff backoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter sealed;
    private final Counter rejected;
    private volatile boolean leader;
    private volatile long lastPosition;
    private Thread thread;

    @Inject
    public AuditSealer(AuditConfig config, AuditKeys keys, AuditCheckpoints checkpoints, KafkaClients kafka,
            MeterRegistry registry) {
        this.config = config;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.service = kafka.application();
        this.backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
        this.sealed = Counter.builder("audit.sealed").description("Audit rows chained by the sealer").register(registry);
        this.rejected = Counter.builder("audit.rejected")
                .description("Audit rows whose MAC does not verify: inserted without the key. Alert on any.")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.sealer().enabled()) {
            running.set(true);
            thread = new Thread(this::run, "audit-sealer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        backoff.wake();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isLeader() {
        return leader;
    }

    /** The position of the last seal this replica wrote (0 before it led). */
    public long lastPosition() {
        return lastPosition;
    }

    private void run() {
        while (running.get()) {
            try (LeaderSession session = LeaderSession.open(JOB, service)) {
                if (!session.tryLead()) {
                    leader = false;
                    backoff.waitFor(Duration.ofSeconds(5));
                    continue;
                }
                leader = true;
                lead(session.connection());
            } catch (SQLException | RuntimeException e) {
                if (running.get()) {
                    LOG.warnf("audit sealer: %s; starting again", e.getMessage());
                    backoff.pause();
                }
            } finally {
                leader = false;
            }
        }
    }

    private void lead(Connection c) throws SQLException {
        long position = 0;
        String mac = GENESIS;
        long cursor = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT position, mac, (SELECT coalesce(max(audit_id), 0) FROM audit_seal) FROM audit_seal ORDER BY position DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                position = rs.getLong(1);
                mac = rs.getString(2);
                cursor = rs.getLong(3);
            }
        }
        long legacyMax = legacyMax(c);
        Set<Long> refused = new HashSet<>();
        AuditGaps gaps = new AuditGaps(GAP_HORIZON);
        Instant nextCheckpoint = Instant.now();
        Instant nextFullSweep = Instant.now();
        long checkpointed = -1;
        while (running.get()) {
            List<AuditRow> rows = new ArrayList<>();
            if (cursor > 0 && !Instant.now().isBefore(nextFullSweep)) {
                rows.addAll(unsealedBehind(c, cursor));
                nextFullSweep = Instant.now().plus(FULL_SWEEP_EVERY);
            } else if (!gaps.isEmpty()) {
                rows.addAll(unsealedAmong(c, gaps.ids(Instant.now())));
            }
            List<AuditRow> fresh = after(c, cursor, config.sealer().batchSize());
            gaps.passed(cursor, fresh.stream().mapToLong(AuditRow::id).toArray(), Instant.now());
            rows.addAll(fresh);
            List<long[]> seals = new ArrayList<>();
            List<String> macs = new ArrayList<>();
            for (AuditRow r : rows) {
                gaps.found(r.id());
                cursor = Math.max(cursor, r.id());
                if (!rowVerifies(r, legacyMax)) {
                    if (refused.add(r.id())) {
                        rejected.increment();
                        LOG.errorf("audit row %d does not verify with the key: it was not written by this service."
                                + " It is left unsealed; the verifier reports it", r.id());
                    }
                    continue;
                }
                position++;
                mac = keys.mac(AuditRow.sealInput(mac, position, r.id(), r.rowMac()));
                seals.add(new long[] {position, r.id()});
                macs.add(mac);
            }
            if (!seals.isEmpty()) {
                insertSeals(c, seals, macs);
                sealed.increment(seals.size());
                lastPosition = position;
                backoff.reset();
            }
            if (position != checkpointed && !Instant.now().isBefore(nextCheckpoint)) {
                try {
                    checkpoints.publish(checkpoints.sign(position, mac, Instant.now()));
                    checkpointed = position;
                } catch (Exception e) {
                    LOG.warnf("audit sealer could not publish a checkpoint (%s); will try again", e.getMessage());
                }
                nextCheckpoint = Instant.now().plus(config.sealer().checkpointInterval());
            }
            if (fresh.size() < config.sealer().batchSize()) {
                backoff.waitFor(config.sealer().interval());
            }
        }
    }

    private boolean rowVerifies(AuditRow r, long legacyMax) {
        if (r.rowMac() == null) {
            return r.id() <= legacyMax;
        }
        String expected = keys.mac(r.keyId(), r.canonical());
        return expected != null && expected.equals(r.rowMac());
    }

    static long legacyMax(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT legacy_max_id FROM audit_meta WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<AuditRow> after(Connection c, long cursor, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, cursor);
            ps.setInt(2, limit);
            return AuditLogQueries.rows(ps);
        }
    }

    private static List<AuditRow> unsealedBehind(Connection c, long cursor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.* FROM audit_log a
                WHERE a.id <= ? AND a.id > ? AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
                ORDER BY a.id""")) {
            ps.setLong(1, cursor);
            ps.setLong(2, cursor - SWEEP_WINDOW);
            return AuditLogQueries.rows(ps);
        }
    }

    private static List<AuditRow> unsealedAmong(Connection c, long[] ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.* FROM audit_log a
                WHERE a.id = ANY (?) AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
                ORDER BY a.id""")) {
            ps.setArray(1, c.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray()));
            return AuditLogQueries.rows(ps);
        }
    }

    private void insertSeals(Connection c, List<long[]> seals, List<String> macs) throws SQLException {
        Long[] positions = new Long[seals.size()];
        Long[] ids = new Long[seals.size()];
        for (int i = 0; i < seals.size(); i++) {
            positions[i] = seals.get(i)[0];
            ids[i] = seals.get(i)[1];
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_seal (position, audit_id, key_id, mac)
                SELECT p, a, ?, m FROM unnest(?::bigint[], ?::bigint[], ?::text[]) AS x(p, a, m)""")) {
            ps.setString(1, keys.currentId());
            ps.setArray(2, c.createArrayOf("bigint", positions));
            ps.setArray(3, c.createArrayOf("bigint", ids));
            ps.setArray(4, c.createArrayOf("text", macs.toArray()));
            ps.executeUpdate();
        }
    }
}
