package kz.prevention.commission.commission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.commission.rules.MajorityBase;
import kz.prevention.commission.rules.VotingRules;
import kz.prevention.persistence.change.Tracked;

/** A commission: its kind, level and territory, the act approving its membership, and its voting rules. */
@Entity
@Table(name = "commission")
public class Commission extends PanacheEntityBase implements Tracked {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public CommissionKind kind;

    @Enumerated(EnumType.STRING)
    public CommissionLevel level;

    /** KATO code of the territory the commission serves (000000000 for the national one). */
    public String territory;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "act_authority")
    public ApprovingAuthority actAuthority;

    @Column(name = "act_number")
    public String actNumber;

    @Column(name = "act_date")
    public LocalDate actDate;

    @Column(name = "quorum_numerator")
    public int quorumNumerator;

    @Column(name = "quorum_denominator")
    public int quorumDenominator;

    @Enumerated(EnumType.STRING)
    @Column(name = "majority_base")
    public MajorityBase majorityBase;

    @Column(name = "chair_casting_vote")
    public boolean chairCastingVote;

    @Column(name = "regular_period_months")
    public int regularPeriodMonths;

    /** Which version of the defaults file the rules came from, or "custom" once the secretary set them. */
    @Column(name = "rules_version")
    public String rulesVersion;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public VotingRules rules() {
        return new VotingRules(quorumNumerator, quorumDenominator, majorityBase, chairCastingVote);
    }

    public List<CommissionMember> members() {
        return CommissionMember.list("commission = ?1 order by fromDate, fullName, id", this);
    }

    /** The members whose term covers the day. */
    public List<CommissionMember> membersOn(LocalDate day) {
        return members().stream().filter(m -> m.activeOn(day)).toList();
    }

    public Optional<CommissionMember> membershipOf(String username, LocalDate day) {
        return membersOn(day).stream().filter(m -> m.username.equals(username)).findFirst();
    }

    public boolean isMinors() {
        return kind == CommissionKind.MINORS_AFFAIRS;
    }

    @Override
    public String resourceType() {
        return "commission";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return null;
    }
}
