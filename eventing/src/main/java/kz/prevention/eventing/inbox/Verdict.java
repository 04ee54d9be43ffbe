package kz.prevention.eventing.inbox;

/** What the inbox decided for one record of a batch. */
record Verdict(Kind kind, String reason, boolean quarantines) {

    enum Kind {
        /** Applied now, together with its inbox record. */
        APPLIED,
        /** Applied before (a redelivery, a replay, a duplicate publish): nothing changes. */
        DUPLICATE,
        /** Not applied; sent to the dead-letter topic with the reason (stale, forged, quarantined, poison). */
        DEAD_LETTER,
        /** The aggregate's previous version has not arrived: put aside until it does (or the wait runs out). */
        HOLD
    }

    static final Verdict APPLIED = new Verdict(Kind.APPLIED, null, false);
    static final Verdict DUPLICATE = new Verdict(Kind.DUPLICATE, null, false);

    static Verdict deadLetter(String reason) {
        return new Verdict(Kind.DEAD_LETTER, reason, false);
    }

    /** Dead-lettered, and its aggregate's later events follow it there. */
    static Verdict quarantine(String reason) {
        return new Verdict(Kind.DEAD_LETTER, reason, true);
    }

    static Verdict hold(String reason) {
        return new Verdict(Kind.HOLD, reason, false);
    }
}
