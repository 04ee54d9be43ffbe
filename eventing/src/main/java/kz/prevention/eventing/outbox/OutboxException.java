package kz.prevention.eventing.outbox;

/** The outbox could not store an event; the caller's transaction must not commit. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
