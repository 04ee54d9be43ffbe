package kz.prevention.commission.sitting;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.commission.rules.Outcome;
import kz.prevention.commission.rules.VoteChoice;

/** The votes on an item so far, and what they would decide under the commission's rules. */
@Schema(name = "Tally")
public record TallyView(UUID itemId, int forVotes, int against, int abstain, int eligible, VoteChoice presidingVote,
        Outcome outcome, Map<UUID, VoteChoice> votes) {
}
