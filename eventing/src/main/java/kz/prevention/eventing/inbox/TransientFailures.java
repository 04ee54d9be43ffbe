package kz.prevention.eventing.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells an outage from a bad event. An event whose handler fails because the database is
 * unreachable or a lock conflicted must wait and be retried, however long that takes; only a
 * failure that would repeat on every attempt sends an event to the dead-letter topic.
 */
final class TransientFailures {

    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.transaction.RollbackException");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState(), sql.getMessage())) {
                return true;
            }
            if (TRANSIENT_CLASSES.contains(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state, String message) {
        if (state == null) {
            // Agroal reports an exhausted pool without a state.
            return message != null && message.contains("Acquisition timeout");
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57P") // operator intervention (shutdown, restart)
                || state.equals("40001") // serialization failure
                || state.equals("40P01") // deadlock detected
                || state.equals("55P03"); // lock not available
    }
}
