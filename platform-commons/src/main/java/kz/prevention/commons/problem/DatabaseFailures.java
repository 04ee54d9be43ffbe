package kz.prevention.commons.problem;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads what PostgreSQL said (the SQLSTATE anywhere in a failure's cause chain) to tell a race or
 * an outage from a bug: two requests creating the same thing at once break a unique constraint
 * (23505) and the loser gets 409, not 500; a serialization failure or deadlock (40001, 40P01) or a
 * lock timeout (55P03) is a 409 the caller may simply retry; a lost or refused connection (class
 * 08), a server shutting down or starting (57P01–57P03) or out of connections (53300) is a 503 with
 * Retry-After — the fault drill saw the database's restart answered 500 before. The database's own
 * text, which may quote the data, is never shown.
 */
public final class DatabaseFailures {

    /** Seconds a caller waits before retrying while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseFailures() {
    }

    /** The problem a failure is (a conflict or the database unavailable), if it is one. */
    public static Optional<ProblemException> asProblem(Throwable failure) {
        String state = sqlState(failure);
        if (state == null) {
            return Optional.empty();
        }
        return switch (state) {
            case "23505", "23P01" -> Optional.of(new ProblemException(ProblemType.CONFLICT,
                    "a record that must be unique already exists, or was created at the same time by another request;"
                            + " read the current state and retry if still needed"));
            case "40001", "40P01", "55P03" -> Optional.of(new ProblemException(ProblemType.CONFLICT,
                    "another request changed the same records at the same moment; retry"));
            case "57P01", "57P02", "57P03", "53300" -> Optional.of(unavailable());
            default -> state.startsWith("08") ? Optional.of(unavailable()) : Optional.empty();
        };
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE, "the database cannot be reached at the moment; nothing was"
                + " changed by this request unless a later read shows it: read, then retry after a few seconds",
                java.util.List.of(), java.util.Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    /** The first SQLSTATE in the cause chain, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
