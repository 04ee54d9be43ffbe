package kz.prevention.eventing.inbox;

/** Thrown (rolling back) when a {@link GapPolicy#WAIT} consumer meets a version gap. */
public class VersionGapException extends RuntimeException {

    public VersionGapException(String aggregateId, long lastApplied, long received) {
        super("aggregate " + aggregateId + ": last applied version " + lastApplied + ", received " + received);
    }
}
