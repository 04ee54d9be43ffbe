package kz.prevention.commission.rules;

/** A member's vote on an agenda item. */
public enum VoteChoice {
    FOR, AGAINST, ABSTAIN
}
