package kz.prevention.commission.rules;

/**
 * A commission's voting rules: the quorum as a fraction of its members, what a simple majority is
 * counted of, and whether the chair's vote decides a tie. The law fixes none of them (DOMAIN.md
 * §4); the defaults are in {@code commission/voting-rules.json} and each commission keeps its own.
 * Pure arithmetic, no state: the sitting asks it before every vote and at sign-off.
 */
public record VotingRules(int quorumNumerator, int quorumDenominator, MajorityBase majorityBase, boolean chairCastingVote) {

    public VotingRules {
        if (quorumDenominator <= 0 || quorumNumerator <= 0 || quorumNumerator > quorumDenominator) {
            throw new IllegalArgumentException("the quorum must be a fraction in (0, 1]");
        }
        if (majorityBase == null) {
            throw new IllegalArgumentException("majorityBase is required");
        }
    }

    /** The fewest members present for a quorum of {@code members} (rounded up: 2/3 of 10 is 7). */
    public int quorumOf(int members) {
        return (int) Math.ceil((double) members * quorumNumerator / quorumDenominator - 1e-9);
    }

    /** A sitting of a commission with no members is never quorate. */
    public boolean quorate(int present, int members) {
        return members > 0 && present >= quorumOf(members) && present <= members;
    }

    public Outcome outcome(Tally t) {
        int base = majorityBase == MajorityBase.PRESENT ? t.eligible() : t.forVotes() + t.against();
        if (base > 0 && 2 * t.forVotes() > base) {
            return Outcome.ADOPTED;
        }
        if (chairCastingVote && t.forVotes() == t.against() && t.forVotes() > 0 && t.chairVote() != null
                && t.chairVote() != VoteChoice.ABSTAIN) {
            return t.chairVote() == VoteChoice.FOR ? Outcome.ADOPTED : Outcome.REJECTED;
        }
        return Outcome.REJECTED;
    }
}
