package kz.prevention.persistence.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.agroal.api.AgroalDataSource;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/**
 * {@code Idempotency-Key} for creating calls from other systems: the first response to a key is
 * stored with the created resource, in the same transaction, and a retry with the same key
 * and the same body gets that response again. Keys are per caller; reusing one for a
 * different body is refused (422).
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final AgroalDataSource dataSource;

    @Inject
    public IdempotencyKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored first response. */
    public record Stored(int status, String location, String etag, String body) {

        public Response toResponse() {
            Response.ResponseBuilder b = Response.status(status).entity(body).type("application/json")
                    .header("Idempotent-Replayed", "true");
            if (location != null) {
                b.header("Location", location);
            }
            if (etag != null) {
                b.header("ETag", etag);
            }
            return b.build();
        }
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Stored> find(String caller, String key, String requestHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash, status, location, etag, body FROM idempotency_key WHERE caller = ? AND key = ?")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(requestHash)) {
                    throw new ProblemException(ProblemType.UNPROCESSABLE, "this Idempotency-Key was already used for a"
                            + " different request; use a new key for a new request");
                }
                return Optional.of(new Stored(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read idempotency keys", e);
        }
    }

    /** Stores the first response, inside the transaction that created the resource. */
    public void remember(String caller, String key, String requestHash, Stored response) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_key (caller, key, request_hash, status, location, etag, body)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            ps.setString(3, requestHash);
            ps.setInt(4, response.status());
            ps.setString(5, response.location());
            ps.setString(6, response.etag());
            ps.setString(7, response.body());
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ConcurrentRetryException();
            }
            throw new IllegalStateException("could not store the idempotency key", e);
        }
    }

    /** Deletes keys older than the given hours; retries are expected within minutes, not days. */
    public int prune(int hours) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < clock_timestamp() - make_interval(hours => ?)")) {
            ps.setInt(1, hours);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune idempotency keys", e);
        }
    }

    /** Another request with the same key committed first: the caller should answer with its response. */
    public static class ConcurrentRetryException extends RuntimeException {
        public ConcurrentRetryException() {
            super("a concurrent request with the same Idempotency-Key won", null, false, false);
        }
    }
}
