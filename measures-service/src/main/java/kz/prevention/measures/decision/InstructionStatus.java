package kz.prevention.measures.decision;

/** What became of a commission's instruction. */
public enum InstructionStatus {
    /** A measure was assigned for it. */
    APPLIED,
    /** It concerns a registry entry whose plan has not opened here yet; applied when it does. */
    WAITING_FOR_PLAN,
    /** It breaks a rule (see the reason): nobody was assigned; the commission must correct it. */
    REJECTED
}
