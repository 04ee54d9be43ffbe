package kz.prevention.commission.rules;

/**
 * The votes on one item: the counts, how many members present could vote on it (present and not
 * recused), and how the presiding chair voted (null: did not vote, or is absent or recused).
 */
public record Tally(int forVotes, int against, int abstain, int eligible, VoteChoice chairVote) {

    public Tally {
        if (forVotes < 0 || against < 0 || abstain < 0 || forVotes + against + abstain > eligible) {
            throw new IllegalArgumentException("more votes than eligible members, or a negative count");
        }
    }

    public int cast() {
        return forVotes + against + abstain;
    }
}
