package kz.prevention.eventing.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells an outage from a bad event by what PostgreSQL said (the SQLSTATE anywhere in the cause
 * chain), never by the wrapper's class: a failed commit surfaces as a {@code RollbackException}
 * whether the database went away (retry forever) or a constraint was broken (the same on every
 * attempt: dead-letter after a few). Only a failure that would repeat sends an event away.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InboxBatch.ConcurrentConsumerException) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState(), sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    static boolean transientState(String state, String message) {
        if (state == null) {
            // Agroal reports an exhausted pool without a state.
            return message != null && message.contains("Acquisition timeout");
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57P") // operator intervention (shutdown, restart)
                || state.equals("40001") // serialization failure
                || state.equals("40P01") // deadlock detected
                || state.equals("55P03") // lock not available
                || state.equals("25P03"); // idle-in-transaction timeout
    }
}
