package kz.prevention.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import kz.prevention.persistence.audit.AuditVerification.Kind;
import kz.prevention.persistence.audit.AuditVerification.Problem;

/**
 * Checks the audit log with the key, which the database does not have: every sealed row against
 * its own MAC, every seal against the one before it, the chain's end against the latest checkpoint
 * published outside the database, and the rows left unsealed. It finds a changed row, a deleted
 * row, a cut tail, a chain recomputed without the key, and a row inserted by someone else.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final Logger LOG = Logger.getLogger(AuditVerifier.class);
    private static final int BATCH = 5000;
    private static final int MAX_PROBLEMS = 100;

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final AuditConfig config;

    @Inject
    public AuditVerifier(AgroalDataSource dataSource, AuditKeys keys, AuditCheckpoints checkpoints, AuditConfig config) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.config = config;
    }

    public AuditVerification verify() {
        List<Problem> problems = new ArrayList<>();
        Optional<AuditCheckpoint> checkpoint = latestCheckpoint();
        try (Connection c = dataSource.getConnection()) {
            long legacyMax = AuditSealer.legacyMax(c);
            long expected = 1;
            String previousMac = AuditSealer.GENESIS;
            String macAtCheckpoint = null;
            long sealed = 0;
            while (true) {
                int inBatch = 0;
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT s.position, s.audit_id, s.key_id AS seal_key, s.mac, a.*
                        FROM audit_seal s LEFT JOIN audit_log a ON a.id = s.audit_id
                        WHERE s.position >= ? ORDER BY s.position""" + " LIMIT " + BATCH)) {
                    ps.setLong(1, expected);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            inBatch++;
                            long position = rs.getLong("position");
                            long auditId = rs.getLong("audit_id");
                            String mac = rs.getString("mac");
                            if (position != expected) {
                                add(problems, Kind.SEAL_MISSING, expected, null,
                                        "seals " + expected + " to " + (position - 1) + " are missing");
                            }
                            String rowMac = null;
                            if (rs.getObject("id") == null) {
                                add(problems, Kind.ROW_DELETED, position, auditId, "the sealed row " + auditId + " is gone");
                            } else {
                                AuditRow row = AuditLogQueries.row(rs);
                                rowMac = row.rowMac();
                                if (!rowVerifies(row, legacyMax)) {
                                    add(problems, Kind.ROW_ALTERED, position, auditId,
                                            "row " + auditId + " does not match its MAC: it was changed after it was written");
                                }
                            }
                            String recomputed = keys.mac(rs.getString("seal_key"),
                                    AuditRow.sealInput(previousMac, position, auditId, rowMac));
                            if (!mac.equals(recomputed)) {
                                add(problems, Kind.SEAL_BROKEN, position, auditId, "seal " + position
                                        + " does not follow from the seal before it: the chain was changed or recomputed without the key");
                            }
                            if (checkpoint.isPresent() && position == checkpoint.get().position()) {
                                macAtCheckpoint = mac;
                            }
                            previousMac = mac;
                            expected = position + 1;
                            sealed++;
                        }
                    }
                }
                if (inBatch < BATCH) {
                    break;
                }
            }
            long sealedRows = sealed;
            checkpoint.ifPresent(cp -> checkAgainst(cp, sealedRows, problems));
            if (checkpoint.isPresent() && checkpoint.get().position() <= sealed && checkpoint.get().position() > 0) {
                String atCheckpoint = macAtCheckpoint;
                if (atCheckpoint == null || !atCheckpoint.equals(checkpoint.get().mac())) {
                    add(problems, Kind.CHECKPOINT_MISMATCH, checkpoint.get().position(), null, "the seal at the checkpoint's"
                            + " position is not the one the checkpoint published");
                }
            }
            long unsealed = unsealed(c, legacyMax, problems);
            return new AuditVerification(problems.isEmpty(), sealed, unsealed,
                    checkpoint.map(AuditCheckpoint::position).orElse(null), checkpoint.map(AuditCheckpoint::time).orElse(null),
                    List.copyOf(problems));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    private void checkAgainst(AuditCheckpoint cp, long sealed, List<Problem> problems) {
        if (!checkpoints.signatureValid(cp)) {
            add(problems, Kind.CHECKPOINT_FORGED, cp.position(), null, "the checkpoint of " + cp.time()
                    + " is not signed with the service's key");
        } else if (cp.position() > sealed) {
            add(problems, Kind.TRUNCATED, cp.position(), null, "a checkpoint published at " + cp.time() + " counts "
                    + cp.position() + " sealed rows; the database has " + sealed + ": its tail was cut");
        }
    }

    private long unsealed(Connection c, long legacyMax, List<Problem> problems) throws SQLException {
        Instant alarm = Instant.now().minus(config.sealer().unsealedAlarm());
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.* FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
                ORDER BY a.id""")) {
            for (AuditRow r : AuditLogQueries.rows(ps)) {
                count++;
                if (!rowVerifies(r, legacyMax)) {
                    add(problems, Kind.ROW_FORGED, null, r.id(), "row " + r.id()
                            + " does not verify with the key: it was not written by the service");
                } else if (r.at().isBefore(alarm)) {
                    add(problems, Kind.UNSEALED, null, r.id(), "row " + r.id() + " has waited since " + r.at()
                            + " to be sealed: is the sealer running?");
                }
            }
        }
        return count;
    }

    private boolean rowVerifies(AuditRow r, long legacyMax) {
        if (r.rowMac() == null) {
            return r.id() <= legacyMax;
        }
        String expected = keys.mac(r.keyId(), r.canonical());
        return expected != null && expected.equals(r.rowMac());
    }

    private Optional<AuditCheckpoint> latestCheckpoint() {
        try {
            return checkpoints.latest();
        } catch (RuntimeException e) {
            LOG.warnf("audit verify: the checkpoints cannot be read (%s); the log's tail is checked without them", e.getMessage());
            return Optional.empty();
        }
    }

    private static void add(List<Problem> problems, Kind kind, Long position, Long rowId, String detail) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(kind, position, rowId, detail));
        }
    }
}
