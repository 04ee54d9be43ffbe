package kz.prevention.persistence.merge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.change.Tracked;
import kz.prevention.persistence.history.Changes;

/**
 * The registry's person merges ({@code person.merged}) as a service that keeps person ids on its own
 * rows must know them: merged id → survivor, in the service's {@code person_merge} table (its own
 * migration creates it: {@code merged_person_id UUID PRIMARY KEY, survivor_person_id UUID NOT NULL},
 * indexed by survivor). The service re-keys its rows when a merge arrives and asks {@link #current}
 * for every person id it writes later, so the outcome is the same whichever of the merge and the
 * events naming the merged id comes first — the persons' topic has no order with the others.
 * <p>
 * With several replicas a merge and a write naming the merged id may be applied at once, by
 * consumers of different partitions, in transactions that do not see each other's rows. So a merge
 * holds the table in SHARE ROW EXCLUSIVE mode and a look-up in SHARE mode, each to its commit: the
 * later one sees what the earlier wrote. Look-ups do not wait for each other; merges are rare.
 * Ids only, in the table and in every message.
 */
@ApplicationScoped
public class PersonMergeMap {

    /** Marks a transaction that already holds the table in SHARE mode (a lock lasts to the commit). */
    private static final Object SHARED = new Object();

    private final AgroalDataSource dataSource;
    private final ChangeRecorder changes;
    private final TransactionSynchronizationRegistry transaction;

    @Inject
    public PersonMergeMap(AgroalDataSource dataSource, ChangeRecorder changes, TransactionSynchronizationRegistry transaction) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.transaction = transaction;
    }

    /** The person a row written now is about: the survivor when {@code personId} was merged; null stays null. */
    public UUID current(UUID personId) {
        if (personId == null) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            // A consumer's batch looks up one person per event: the lock is taken by the first only.
            if (transaction.getResource(SHARED) == null) {
                lock(c, "SHARE");
                transaction.putResource(SHARED, Boolean.TRUE);
            }
            return survivorOf(c, personId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up person merges: " + e.getSQLState(), e);
        }
    }

    /**
     * Keeps the merge (once: a redelivery changes nothing) and answers the id the merged person's rows
     * now take. The registry merges only into a person holding an IIN, who is never merged in turn;
     * should a chain still come, in either order every id ends at the last survivor.
     */
    public UUID record(UUID merged, UUID survivor) {
        try (Connection c = dataSource.getConnection()) {
            lock(c, "SHARE ROW EXCLUSIVE");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_merge (merged_person_id, survivor_person_id)"
                    + " VALUES (?, ?) ON CONFLICT (merged_person_id) DO NOTHING")) {
                ps.setObject(1, merged);
                ps.setObject(2, survivorOf(c, survivor));
                ps.executeUpdate();
            }
            UUID now = survivorOf(c, merged);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE person_merge SET survivor_person_id = ? WHERE survivor_person_id = ?")) {
                ps.setObject(1, now);
                ps.setObject(2, merged);
                ps.executeUpdate();
            }
            return now;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a person merge: " + e.getSQLState(), e);
        }
    }

    /**
     * Records in the row's history (and audit) that a merge gave it to {@code survivor}; the caller has
     * set the row's person. No event: no service's events carry a person id for this to change.
     */
    public void moved(Tracked row, UUID merged, UUID survivor) {
        Changes c = new Changes();
        c.set("personId", merged, survivor);
        changes.record(row, "PERSON_MERGED", c, null);
    }

    private static UUID survivorOf(Connection c, UUID personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT survivor_person_id FROM person_merge WHERE merged_person_id = ?")) {
            ps.setObject(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : personId;
            }
        }
    }

    private static void lock(Connection c, String mode) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE person_merge IN " + mode + " MODE");
        }
    }
}
