package kz.prevention.commons.problem;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads what PostgreSQL said (the SQLSTATE anywhere in a failure's cause chain) to tell a race
 * from a bug: two requests creating the same thing at once break a unique constraint (23505) and
 * the loser gets 409, not 500; a serialization failure or deadlock (40001, 40P01) or a lock
 * timeout (55P03) is a 409 the caller may simply retry. The database's own text, which may quote
 * the data, is never shown.
 */
public final class DatabaseConflicts {

    private DatabaseConflicts() {
    }

    /** The conflict a failure is, if it is one. */
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
            default -> Optional.empty();
        };
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
