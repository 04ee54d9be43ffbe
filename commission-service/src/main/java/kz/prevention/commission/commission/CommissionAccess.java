package kz.prevention.commission.commission;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.access.Denials;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;
import kz.prevention.commons.territory.KatoScope;

/**
 * Who may see and do what with a commission's materials:
 * <ul>
 * <li>{@code commission-secretary} manages the commissions whose territory lies within its
 * {@code region} claim (level-aware: a district secretary does not reach the neighbouring district);</li>
 * <li>{@code commission-member} reads the materials of a commission whose member it is — by the
 * username in its token — on the dates it is a member (a sitting's materials: on the sitting's
 * date), and casts only its own vote;</li>
 * <li>{@code supervisor} (prosecutor's oversight) reads everything and changes nothing;</li>
 * <li>every other role: nothing.</li>
 * </ul>
 * What the caller may not see is answered as not found (and recorded as a denial), so its
 * existence does not leak.
 */
@RequestScoped
public class CommissionAccess {

    private final Caller caller;
    private final Denials denials;

    @Inject
    public CommissionAccess(Caller caller, Denials denials) {
        this.caller = caller;
        this.denials = denials;
    }

    public boolean isSupervisor() {
        return caller.hasRole(Roles.SUPERVISOR);
    }

    public boolean isSecretary() {
        return caller.hasRole(Roles.COMMISSION_SECRETARY);
    }

    public boolean isMember() {
        return caller.hasRole(Roles.COMMISSION_MEMBER);
    }

    public String username() {
        return caller.username();
    }

    /** The territory prefix a secretary's searches are limited to ("" for the supervisor). */
    public String territoryPrefix() {
        return isSupervisor() ? "" : caller.territoryPrefix();
    }

    public boolean mayManage(Commission c) {
        return isSecretary() && caller.region().map(r -> KatoScope.covers(r, c.territory)).orElse(false);
    }

    /** The caller's membership of the commission on the day, if its role lets it act as a member. */
    public Optional<CommissionMember> membership(Commission c, LocalDate day) {
        if (!isMember()) {
            return Optional.empty();
        }
        return c.membershipOf(caller.username(), day);
    }

    public boolean mayRead(Commission c, LocalDate day) {
        return isSupervisor() || mayManage(c) || membership(c, day).isPresent();
    }

    /** 404 (and a denial in the audit log) unless the caller may read the commission's materials of that day. */
    public void requireRead(Commission c, LocalDate day) {
        if (!mayRead(c, day)) {
            denials.record("commission", c.id, null, "not the caller's territory or commission on " + day);
            throw ProblemException.notFound("commission " + c.id);
        }
    }

    /** Only the secretaries of the commission's territory change it: 404 when invisible, 403 when read-only. */
    public void requireManage(Commission c, LocalDate day) {
        requireRead(c, day);
        if (!mayManage(c)) {
            denials.record("commission", c.id, null, "managing needs commission-secretary of the territory");
            throw new ProblemException(ProblemType.FORBIDDEN, "only a commission-secretary of the commission's territory"
                    + " manages it; members read and vote, the supervisor reads");
        }
    }

    /** A new commission must lie within the secretary's territory. */
    public void requireCreateIn(String territory) {
        if (!isSecretary()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "creating a commission needs the commission-secretary role");
        }
        if (!caller.region().map(r -> KatoScope.covers(r, territory)).orElse(false)) {
            throw ProblemException.field(ProblemType.FORBIDDEN, "territory", "outside your territory");
        }
    }

    /** The member acting: refused unless the caller is a member of the commission on the day. */
    public CommissionMember requireActingMember(Commission c, LocalDate day) {
        requireRead(c, day);
        return membership(c, day).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "only a commission-member of this commission on " + day + " does this, as themselves"));
    }

    public void recordDenial(String type, Object id, String why) {
        denials.record(type, id, null, why);
    }
}
