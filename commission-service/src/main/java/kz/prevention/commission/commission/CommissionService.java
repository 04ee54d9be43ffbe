package kz.prevention.commission.commission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.rules.RulesDefaults;
import kz.prevention.commission.rules.VotingRules;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.reference.ReferenceCatalogs;

/** Creates commissions, sets their rules, and keeps their membership; each change recorded with its history and audit. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommissionService {

    public static final String CUSTOM_RULES = "custom";

    @Inject
    ChangeRecorder changes;
    @Inject
    RulesDefaults defaults;
    @Inject
    ReferenceCatalogs catalogs;

    public Commission create(CreateCommissionRequest r, String actor) {
        if (!r.level().fits(r.territory())) {
            throw ProblemException.field(ProblemType.VALIDATION, "territory", "a " + r.level() + " commission's territory"
                    + " must be a KATO code of its level (the republic 000000000, a region, a district, ...)");
        }
        if (Commission.count("kind = ?1 and level = ?2 and territory = ?3", r.kind(), r.level(), r.territory()) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "a " + r.kind() + " commission of this level already exists"
                    + " for territory " + r.territory());
        }
        Commission c = new Commission();
        c.id = UUID.randomUUID();
        c.kind = r.kind();
        c.level = r.level();
        c.territory = r.territory();
        c.name = r.name().strip();
        c.actAuthority = r.approvingAct().authority();
        c.actNumber = r.approvingAct().number().strip();
        c.actDate = r.approvingAct().date();
        if (r.rules() == null) {
            RulesDefaults.Defaults d = defaults.defaults();
            c.quorumNumerator = d.quorumNumerator();
            c.quorumDenominator = d.quorumDenominator();
            c.majorityBase = d.majorityBase();
            c.chairCastingVote = d.chairCastingVote();
            c.regularPeriodMonths = d.regularPeriodMonths();
            c.rulesVersion = defaults.version();
        } else {
            applyRules(c, r.rules(), new Changes());
        }
        c.createdBy = actor;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        c.persist();
        Changes diff = Changes.creation();
        diff.set("kind", null, c.kind);
        diff.set("level", null, c.level);
        diff.set("territory", null, c.territory);
        changes.record(c, "CREATED", diff, null);
        return c;
    }

    public void setRules(Commission c, RulesRequest r) {
        Changes diff = new Changes();
        applyRules(c, r, diff);
        if (!diff.isEmpty()) {
            c.updatedAt = Instant.now();
            changes.record(c, "RULES_CHANGED", diff, null);
        }
    }

    private static void applyRules(Commission c, RulesRequest r, Changes diff) {
        try {
            new VotingRules(r.quorumNumerator(), r.quorumDenominator(), r.majorityBase(), r.chairCastingVote());
        } catch (IllegalArgumentException ex) {
            throw ProblemException.field(ProblemType.VALIDATION, "quorumNumerator", ex.getMessage());
        }
        c.quorumNumerator = diff.set("quorumNumerator", c.quorumNumerator, r.quorumNumerator());
        c.quorumDenominator = diff.set("quorumDenominator", c.quorumDenominator, r.quorumDenominator());
        c.majorityBase = diff.set("majorityBase", c.majorityBase, r.majorityBase());
        c.chairCastingVote = diff.set("chairCastingVote", c.chairCastingVote, r.chairCastingVote());
        c.regularPeriodMonths = diff.set("regularPeriodMonths", c.regularPeriodMonths, r.regularPeriodMonths());
        c.rulesVersion = CUSTOM_RULES;
    }

    public CommissionMember addMember(Commission c, MemberRequest r, LocalDate today) {
        catalogs.require(ReferenceCatalogs.SUBJECTS, r.agency(), "agency", today);
        if (r.to() != null && r.to().isBefore(r.from())) {
            throw ProblemException.field(ProblemType.VALIDATION, "to", "must not be before from");
        }
        for (CommissionMember other : c.members()) {
            if (!other.overlaps(r.from(), r.to())) {
                continue;
            }
            if (other.username.equals(r.username())) {
                throw new ProblemException(ProblemType.CONFLICT, "this username is already a member for part of that term");
            }
            if (r.role() != MemberRole.MEMBER && other.role == r.role()) {
                throw new ProblemException(ProblemType.CONFLICT, "the commission already has a " + r.role()
                        + " for part of that term; end that membership first");
            }
        }
        CommissionMember m = new CommissionMember();
        m.id = UUID.randomUUID();
        m.commission = c;
        m.fullName = r.fullName().strip();
        m.username = r.username();
        m.agency = r.agency();
        m.position = r.position().strip();
        m.role = r.role();
        m.fromDate = r.from();
        m.toDate = r.to();
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        m.persist();
        Changes diff = Changes.creation();
        diff.set("role", null, m.role);
        diff.set("from", null, m.fromDate);
        changes.record(m, "MEMBER_ADDED", diff, null);
        return m;
    }

    public void updateMember(CommissionMember m, MemberUpdate r) {
        Changes diff = new Changes();
        if (r.position() != null) {
            m.position = diff.set("position", m.position, r.position().strip());
        }
        if (r.to() != null) {
            if (r.to().isBefore(m.fromDate)) {
                throw ProblemException.field(ProblemType.VALIDATION, "to", "must not be before the membership's start " + m.fromDate);
            }
            m.toDate = diff.set("to", m.toDate, r.to());
        }
        if (!diff.isEmpty()) {
            m.updatedAt = Instant.now();
            changes.record(m, "MEMBER_CHANGED", diff, null);
        }
    }
}
