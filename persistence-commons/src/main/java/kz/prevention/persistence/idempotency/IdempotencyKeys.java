package kz.prevention.persistence.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import kz.prevention.commons.crypto.Sha256;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.support.Housekeeping;

/**
 * The {@code idempotency_key} table: a key is claimed in the creating transaction (a concurrent
 * claim of the same key waits for it, then finds it taken), and remembers only where the created
 * resource is. Keys are per caller and pruned after {@code prevention.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final AgroalDataSource dataSource;
    private final Housekeeping housekeeping;
    private final Duration retention;

    @Inject
    public IdempotencyKeys(AgroalDataSource dataSource, Housekeeping housekeeping,
            @ConfigProperty(name = "prevention.idempotency.retention", defaultValue = "24h") Duration retention) {
        this.dataSource = dataSource;
        this.housekeeping = housekeeping;
        this.retention = retention;
    }

    /** A key already used: the request it was used for, and where the resource it created is. */
    public record Used(String requestHash, String resourceLocation) {
    }

    void onStart(@Observes StartupEvent event) {
        housekeeping.every(Duration.ofHours(1), "pruned idempotency keys older than " + retention, this::prune);
    }

    /** Null when the header is absent; a 400 problem when it is malformed. */
    public static String validate(String header) {
        if (header == null) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            throw ProblemException.field(ProblemType.VALIDATION, HEADER, "1 to 200 visible ASCII characters, e.g. a UUID");
        }
        return header;
    }

    public static String hash(String canonicalRequest) {
        return Sha256.hex(canonicalRequest);
    }

    /**
     * Claims the key inside the creating transaction; false when it is taken. If another transaction
     * holds a claim on it and has not finished, PostgreSQL makes this wait for it.
     */
    boolean claim(String caller, String key, String requestHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_key (caller, key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            ps.setString(3, requestHash);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim an idempotency key", e);
        }
    }

    /** Records where the resource created under the claimed key is (same transaction as the claim). */
    void complete(String caller, String key, String location) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE idempotency_key SET resource_location = ? WHERE caller = ? AND key = ?")) {
            ps.setString(1, location);
            ps.setString(2, caller);
            ps.setString(3, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the idempotency key", e);
        }
    }

    Optional<Used> find(String caller, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash, resource_location FROM idempotency_key WHERE caller = ? AND key = ?")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Used(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read idempotency keys", e);
        }
    }

    /** Deletes keys older than the retention; retries are expected within minutes, not days. */
    public int prune() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < clock_timestamp() - make_interval(secs => ?)")) {
            ps.setLong(1, retention.toSeconds());
            return ps.executeUpdate();
        }
    }
}
