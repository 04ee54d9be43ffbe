package kz.prevention.eventing.inbox;

/** What the inbox did with one event. */
public enum ApplyResult {
    /** Applied now, together with its inbox record. */
    APPLIED,
    /** Its id was already in the inbox: a redelivery, a replay or a duplicate publish. */
    DUPLICATE,
    /** A newer version of its aggregate was already applied under another id. */
    STALE
}
