package kz.prevention.commission.assistant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.access.Denials;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;
import kz.prevention.commons.territory.KatoScope;

/**
 * Who may do what with public assistants (Arts. 45-47):
 * <ul>
 * <li>a law-enforcement officer — realm role {@code registry-officer} with {@code agency} {@code POLICE}
 * (the police is the law-enforcement body the realm knows) — files a citizen's application in its
 * {@code region} claim's territory, reads the applications there and asks for a re-check;</li>
 * <li>an akimat officer — {@code akimat-officer} with {@code agency} {@code AKIMAT} — reads the
 * applications of its territory (its district's KATO), registers or refuses them, re-checks, and
 * puts a registered assistant's reward to the district's interdepartmental commission;</li>
 * <li>{@code supervisor} reads everything; everyone else, nothing.</li>
 * </ul>
 * An application outside the caller's territory is not found (404, a denial in the audit log).
 */
@RequestScoped
public class AssistantAccess {

    static final String POLICE = "POLICE";
    static final String AKIMAT = "AKIMAT";

    private final Caller caller;
    private final Denials denials;

    @Inject
    public AssistantAccess(Caller caller, Denials denials) {
        this.caller = caller;
        this.denials = denials;
    }

    public boolean isPolice() {
        return caller.hasRole(Roles.REGISTRY_OFFICER) && caller.agency().filter(POLICE::equals).isPresent();
    }

    public boolean isAkimat() {
        return caller.hasRole(Roles.AKIMAT_OFFICER) && caller.agency().filter(AKIMAT::equals).isPresent();
    }

    public boolean isSupervisor() {
        return caller.hasRole(Roles.SUPERVISOR);
    }

    public String username() {
        return caller.username();
    }

    public String agency() {
        return caller.agency().orElse("");
    }

    private boolean covers(String district) {
        return caller.region().map(r -> KatoScope.covers(r, district)).orElse(false);
    }

    /** The territory prefix a list is limited to ("" for the supervisor); 403 for a role that reads none. */
    public String listPrefix() {
        if (isSupervisor()) {
            return "";
        }
        if (isPolice() || isAkimat()) {
            return caller.territoryPrefix();
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "public assistants are read by the police's registry officers and"
                + " the akimat's officers of the territory, and by the supervisor");
    }

    /** Filing needs a police officer whose territory covers the applicant's district. */
    public void requireFileIn(String district) {
        if (!isPolice()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "an application is filed by a law-enforcement officer"
                    + " (registry-officer of agency POLICE)");
        }
        if (!covers(district)) {
            throw ProblemException.field(ProblemType.FORBIDDEN, "addressKato", "outside your territory");
        }
    }

    public void requireRead(PublicAssistant a) {
        if (!(isSupervisor() || ((isPolice() || isAkimat()) && covers(a.district)))) {
            denials.record("public-assistant", a.id, a.id, "not the caller's territory or role");
            throw ProblemException.notFound("public assistant " + a.id);
        }
    }

    /** Registration, refusal and rewards are the akimat's. */
    public void requireAkimat(PublicAssistant a) {
        requireRead(a);
        if (!isAkimat()) {
            denials.record("public-assistant", a.id, a.id, "needs akimat-officer of agency AKIMAT");
            throw new ProblemException(ProblemType.FORBIDDEN, "the district akimat (akimat-officer) decides on public assistants");
        }
    }

    /** A re-check of the registry is asked by the police or the akimat of the territory. */
    public void requireRecheck(PublicAssistant a) {
        requireRead(a);
        if (!(isPolice() || isAkimat())) {
            denials.record("public-assistant", a.id, a.id, "re-check needs the police or the akimat");
            throw new ProblemException(ProblemType.FORBIDDEN, "the registry is re-checked by the police or the akimat");
        }
    }
}
