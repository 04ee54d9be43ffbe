package kz.prevention.commission.commission;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.commission.rules.MajorityBase;
import kz.prevention.persistence.read.Audited;

/** A commission as the API shows it; its members (officials' names) make every read audited. */
@Schema(name = "Commission")
public record CommissionView(UUID id, CommissionKind kind, CommissionLevel level, String territory, String name,
        ApprovingAct approvingAct, Rules rules, List<MemberView> members, long version) implements Audited {

    public record Rules(int quorumNumerator, int quorumDenominator, MajorityBase majorityBase, boolean chairCastingVote,
            int regularPeriodMonths, String source) {
    }

    @Override
    public String auditType() {
        return "commission";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return null;
    }

    public static CommissionView of(Commission c, boolean withMembers) {
        return new CommissionView(c.id, c.kind, c.level, c.territory, c.name,
                new ApprovingAct(c.actAuthority, c.actNumber, c.actDate),
                new Rules(c.quorumNumerator, c.quorumDenominator, c.majorityBase, c.chairCastingVote, c.regularPeriodMonths,
                        c.rulesVersion),
                withMembers ? c.members().stream().map(MemberView::of).toList() : null, c.version);
    }
}
