package kz.prevention.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.commission.rules.MajorityBase;
import kz.prevention.commission.rules.Outcome;
import kz.prevention.commission.rules.RulesDefaults;
import kz.prevention.commission.rules.Tally;
import kz.prevention.commission.rules.VoteChoice;
import kz.prevention.commission.rules.VotingRules;

/** Quorum, majority and tie rules per configuration: pure arithmetic, no application. */
class VotingRulesTest {

    private static final VotingRules DEFAULT = new VotingRules(2, 3, MajorityBase.PRESENT, true);

    @Test
    void twoThirdsOfTenIsSeven() {
        assertThat(DEFAULT.quorumOf(10)).isEqualTo(7);
        assertThat(DEFAULT.quorate(6, 10)).isFalse();
        assertThat(DEFAULT.quorate(7, 10)).isTrue();
    }

    @Test
    void twoThirdsOfNineIsExactlySix() {
        assertThat(DEFAULT.quorumOf(9)).isEqualTo(6);
        assertThat(DEFAULT.quorate(5, 9)).isFalse();
        assertThat(DEFAULT.quorate(6, 9)).isTrue();
    }

    @Test
    void aCommissionWithoutMembersIsNeverQuorate() {
        assertThat(DEFAULT.quorate(0, 0)).isFalse();
    }

    @Test
    void aSimpleMajorityOfThosePresentCountsAbstentionsAgainst() {
        // 7 present: 3 for, 1 against, 3 abstain — not more than half of 7.
        assertThat(DEFAULT.outcome(new Tally(3, 1, 3, 7, VoteChoice.FOR))).isEqualTo(Outcome.REJECTED);
        assertThat(DEFAULT.outcome(new Tally(4, 0, 3, 7, null))).isEqualTo(Outcome.ADOPTED);
    }

    @Test
    void aMajorityOfVotesCastIgnoresAbstentions() {
        VotingRules cast = new VotingRules(1, 2, MajorityBase.CAST, false);
        assertThat(cast.outcome(new Tally(3, 1, 3, 7, null))).isEqualTo(Outcome.ADOPTED);
        assertThat(cast.outcome(new Tally(0, 0, 7, 7, null))).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void theChairsVoteBreaksATieWhenTheRulesSaySo() {
        assertThat(DEFAULT.outcome(new Tally(3, 3, 0, 6, VoteChoice.FOR))).isEqualTo(Outcome.ADOPTED);
        assertThat(DEFAULT.outcome(new Tally(3, 3, 0, 6, VoteChoice.AGAINST))).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void withoutACastingVoteATieIsNotAdopted() {
        VotingRules noCasting = new VotingRules(2, 3, MajorityBase.PRESENT, false);
        assertThat(noCasting.outcome(new Tally(3, 3, 0, 6, VoteChoice.FOR))).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void anAbstainingOrAbsentChairBreaksNoTie() {
        assertThat(DEFAULT.outcome(new Tally(3, 3, 1, 7, VoteChoice.ABSTAIN))).isEqualTo(Outcome.REJECTED);
        assertThat(DEFAULT.outcome(new Tally(3, 3, 0, 6, null))).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void nonsenseRulesAndTalliesAreRefused() {
        assertThatThrownBy(() -> new VotingRules(4, 3, MajorityBase.PRESENT, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VotingRules(0, 3, MajorityBase.PRESENT, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tally(5, 3, 0, 6, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatedDefaultsFileGivesTwoThirdsSimpleMajorityOfThosePresentAndTheChairsCastingVote() {
        RulesDefaults.File file = RulesDefaults.load(new ObjectMapper().findAndRegisterModules());
        assertThat(file.validFrom()).isNotNull();
        assertThat(file.version()).isNotBlank();
        RulesDefaults.Defaults d = file.defaults();
        assertThat(new VotingRules(d.quorumNumerator(), d.quorumDenominator(), d.majorityBase(), d.chairCastingVote()))
                .isEqualTo(DEFAULT);
    }
}
