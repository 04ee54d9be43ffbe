package kz.prevention.registry.access;

import java.time.LocalDate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.access.Denials;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.reference.ReferenceCatalogs;

/**
 * Who may see and change which entries (confidentiality, Art. 3.2.4 and 83.2):
 * <ul>
 * <li>{@code registry-officer}: adults' entries within the territory of the token's
 * {@code region};</li>
 * <li>{@code juvenile-inspector}: minors' entries within that territory (an officer with both
 * roles sees both);</li>
 * <li>{@code supervisor} (prosecutor's oversight): reads everything, changes nothing;</li>
 * <li>every other role: nothing.</li>
 * </ul>
 * Removals, extensions and transfers take effect only when an {@code authorised-head} of the
 * keeping body approves them (one-man management, Law No. 380-IV Art. 4): a head decides on the
 * entries within the unit of its token's {@code unit} claim (a KATO code) and its territory, sees
 * them by the same rule as everyone (its officer or juvenile role), and never decides its own
 * request.
 * Changing the registry also needs an agency the subjects catalog marks as keeping the
 * preventive registry ({@code keepsRegistry = PREVENTIVE}, internal affairs): an officer role in
 * a school's token changes nothing. The economic investigations service keeps a registry of its
 * own ({@code ECONOMIC_OFFENDERS}), not this one.
 * An entry being transferred is also visible to the receiving territory. Entries the caller
 * may not see are answered as not found, so their existence does not leak.
 */
@RequestScoped
public class RegistryAccess {

    public static final String OFFICER = Roles.REGISTRY_OFFICER;
    public static final String JUVENILE = Roles.JUVENILE_INSPECTOR;
    public static final String SUPERVISOR = Roles.SUPERVISOR;
    public static final String HEAD = Roles.AUTHORISED_HEAD;
    /** The registry kind this service keeps, as the subjects catalog's {@code keepsRegistry} names it. */
    static final String REGISTRY_KIND = "PREVENTIVE";

    private final Caller caller;
    private final Denials denials;
    private final ReferenceCatalogs catalogs;

    @Inject
    public RegistryAccess(Caller caller, Denials denials, ReferenceCatalogs catalogs) {
        this.caller = caller;
        this.denials = denials;
        this.catalogs = catalogs;
    }

    /** Whether the caller's agency keeps this registry on the day (the catalog is dated). */
    public boolean keepsRegistry(LocalDate today) {
        return caller.agency().flatMap(a -> catalogs.entry(ReferenceCatalogs.SUBJECTS, a))
                .filter(e -> e.inForceOn(today)).flatMap(e -> e.text("keepsRegistry"))
                .filter(REGISTRY_KIND::equals).isPresent();
    }

    private ProblemException notAKeeper() {
        return new ProblemException(ProblemType.FORBIDDEN, notAKeeperDetail());
    }

    private String notAKeeperDetail() {
        return "your agency (" + caller.agency().orElse("none")
                + ") does not keep the preventive registry; only internal affairs bodies change it";
    }

    /** The answer to an attempt on an entry the caller may not see: 404, and a DENIED row in the audit log. */
    public ProblemException hidden(KeptRecord e) {
        denials.record("entry", e.resourceId(), e.personId(), "outside the caller's scope");
        return ProblemException.notFound("entry " + e.resourceId());
    }

    public boolean isSupervisor() {
        return caller.hasRole(SUPERVISOR);
    }

    public boolean seesAdults() {
        return isSupervisor() || caller.hasRole(OFFICER);
    }

    public boolean seesMinors() {
        return isSupervisor() || caller.hasRole(JUVENILE);
    }

    /** The territory prefix the caller's queries are limited to; "" for no limit (supervisor). */
    public String regionPrefix() {
        if (isSupervisor()) {
            return "";
        }
        return caller.territoryPrefix();
    }

    public boolean mayRead(KeptRecord e, LocalDate today, String pendingTransferTarget) {
        if (!(e.isMinorRecord(today) ? seesMinors() : seesAdults())) {
            return false;
        }
        String prefix = regionPrefix();
        return e.keepingRegion().startsWith(prefix) || (pendingTransferTarget != null && pendingTransferTarget.startsWith(prefix));
    }

    /** Whether the caller may change the entry (a check that records nothing). */
    public boolean mayWrite(KeptRecord e, LocalDate today) {
        return mayRead(e, today, null) && (caller.hasRole(OFFICER) || caller.hasRole(JUVENILE))
                && e.keepingRegion().startsWith(regionPrefix()) && keepsRegistry(today);
    }

    /** The answer to an attempt on a person the caller may not see: 404, and a DENIED row in the audit log. */
    public ProblemException hiddenPerson(java.util.UUID personId) {
        denials.record("person", personId, personId, "no entry of theirs in the caller's scope");
        return ProblemException.notFound("person " + personId);
    }

    /** Throws 404 when the caller may not see it, 403 when they may see but not change it. */
    public void requireWrite(KeptRecord e, LocalDate today, String pendingTransferTarget) {
        if (!mayRead(e, today, pendingTransferTarget)) {
            throw hidden(e);
        }
        requireKeepingOfficer(e, today, "the supervisor role reads the registry but does not change it",
                notAKeeperDetail());
        if (!e.keepingRegion().startsWith(regionPrefix())) {
            denials.record("entry", e.resourceId(), e.personId(), "kept by another territory");
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "only the body keeping the entry (region " + e.keepingRegion() + ") may change it");
        }
    }

    /** 403, audited, unless the caller is an officer or a juvenile inspector of an agency keeping the registry. */
    private void requireKeepingOfficer(KeptRecord e, LocalDate today, String withoutRole, String withoutKeepingAgency) {
        if (!caller.hasRole(OFFICER) && !caller.hasRole(JUVENILE)) {
            denials.record("entry", e.resourceId(), e.personId(), "read-only role");
            throw new ProblemException(ProblemType.FORBIDDEN, withoutRole);
        }
        if (!keepsRegistry(today)) {
            denials.record("entry", e.resourceId(), e.personId(), "agency does not keep the registry");
            throw new ProblemException(ProblemType.FORBIDDEN, withoutKeepingAgency);
        }
    }

    /**
     * Throws unless the caller may accept or reject the pending transfer of the entry into
     * {@code transferTarget}: 404 when it may not see the entry, 403 unless it is an officer (or
     * juvenile inspector) of an agency keeping the registry in the receiving territory — the body
     * that keeps the entry once it accepts. Each 403 is audited. With no transfer pending
     * ({@code transferTarget} null) there is no receiving territory to check: the caller's decision is
     * then refused as a conflict by the transfer's own state rule, after If-Match.
     */
    public void requireDecideTransfer(KeptRecord e, String transferTarget, LocalDate today) {
        if (!mayRead(e, today, transferTarget)) {
            throw hidden(e);
        }
        requireKeepingOfficer(e, today, "deciding a transfer needs an officer's role",
                "your agency does not keep the preventive registry;"
                        + " only an internal affairs body of the receiving territory decides on a transfer");
        if (transferTarget != null && !transferTarget.startsWith(regionPrefix())) {
            denials.record("entry", e.resourceId(), e.personId(), "not the receiving territory of the transfer");
            throw new ProblemException(ProblemType.FORBIDDEN, "only the receiving territory (" + transferTarget
                    + ") decides on this transfer");
        }
    }

    /**
     * Throws unless the caller is an authorised head of the body keeping the entry, which it can
     * see (404 otherwise): the role, an agency keeping the registry, and a unit (the {@code unit}
     * claim) and territory the entry lies in. Each refusal is audited.
     */
    public void requireDecide(KeptRecord e, LocalDate today) {
        requireHead(e, today, "approving or rejecting a removal, extension or transfer");
    }

    /**
     * As {@link #requireDecide}, for any act Order 163 or one-man management reserves to an authorised
     * head of the keeping body ({@code act} names it in the 403, e.g. the quarterly file review).
     */
    public void requireHead(KeptRecord e, LocalDate today, String act) {
        if (!mayRead(e, today, null)) {
            throw hidden(e);
        }
        if (!caller.hasRole(HEAD)) {
            denials.record("entry", e.resourceId(), e.personId(), "not an authorised head");
            throw new ProblemException(ProblemType.FORBIDDEN, act
                    + " needs the authorised-head role (one-man management, Law No. 380-IV Art. 4)");
        }
        if (!keepsRegistry(today)) {
            denials.record("entry", e.resourceId(), e.personId(), "agency does not keep the registry");
            throw notAKeeper();
        }
        String unit = caller.unit().filter(KatoScope::isCode).orElse(null);
        if (unit == null) {
            denials.record("entry", e.resourceId(), e.personId(), "no unit claim");
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "the token has no valid 'unit' claim (the KATO code of the unit you head); ask the realm administrator");
        }
        if (!KatoScope.covers(unit, e.keepingRegion()) || !e.keepingRegion().startsWith(regionPrefix())) {
            denials.record("entry", e.resourceId(), e.personId(), "kept by another unit");
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "only an authorised head of the unit keeping the entry (region " + e.keepingRegion() + ") may do this");
        }
    }

    /** The unit (KATO code) the calling head heads, as its token says. */
    public String unit() {
        return caller.unit().orElse(null);
    }

    /**
     * A new entry may only be registered by a keeping body within its own territory. Checked before
     * anything about the person is looked up or validated, so a refusal tells nothing about them.
     */
    public void requireRegisterIn(String region, LocalDate today) {
        if (!caller.hasRole(OFFICER) && !caller.hasRole(JUVENILE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "registering needs the registry-officer or juvenile-inspector role");
        }
        if (!keepsRegistry(today)) {
            throw notAKeeper();
        }
        if (!region.startsWith(regionPrefix())) {
            throw ProblemException.field(ProblemType.FORBIDDEN, "region",
                    "outside your territory (" + caller.region().orElse("?") + ")");
        }
    }

    /** Minors' records need the juvenile role, adults' the officer role (after {@link #requireRegisterIn}). */
    public void requireRecordKind(boolean minorRecord) {
        if (minorRecord && !caller.hasRole(JUVENILE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "registering a minor needs the juvenile-inspector role");
        }
        if (!minorRecord && !caller.hasRole(OFFICER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "registering an adult needs the registry-officer role");
        }
    }

    /**
     * A read of a person's data asked by IIN or name must say why: the purpose (header
     * {@code X-Purpose}) is kept in the audit row. Without one, a 400 naming the header.
     */
    public void requirePurpose(String when) {
        if (caller.purpose().isEmpty()) {
            throw ProblemException.field(ProblemType.VALIDATION, Caller.PURPOSE_HEADER,
                    "required " + when + ": say why (e.g. the case or request number), URL-encoded");
        }
    }

    public String actor() {
        return caller.username();
    }
}
