package kz.prevention.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Walks the audit log in order and recomputes every hash: a row whose content, sequence or link
 * to its predecessor was altered is named, as is a tail cut off after the chain's head.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 2000;

    private final AgroalDataSource dataSource;

    @Inject
    public AuditVerifier(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AuditVerification verify() {
        try (Connection c = dataSource.getConnection()) {
            long expectedSeq = 1;
            String prevHash = GENESIS;
            long checked = 0;
            while (true) {
                int inBatch = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT " + BATCH)) {
                    ps.setLong(1, expectedSeq);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            AuditEntry e = AuditLogQueries.entry(rs);
                            inBatch++;
                            if (e.seq() != expectedSeq) {
                                return broken(checked, expectedSeq, "row " + expectedSeq + " is missing");
                            }
                            if (!e.prevHash().equals(prevHash)) {
                                return broken(checked, e.seq(), "does not link to the row before it");
                            }
                            if (!e.recomputedHash().equals(e.hash())) {
                                return broken(checked, e.seq(), "its content does not match its hash");
                            }
                            prevHash = e.hash();
                            expectedSeq++;
                            checked++;
                        }
                    }
                }
                if (inBatch < BATCH) {
                    break;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != checked || !rs.getString(2).equals(prevHash)) {
                    return broken(checked, checked + 1, "the chain's head records " + rs.getLong(1)
                            + " rows; rows after " + checked + " were removed");
                }
            }
            return new AuditVerification(true, checked, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    private static AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(false, checked, seq, "row " + seq + ": " + reason);
    }
}
