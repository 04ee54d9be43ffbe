package kz.prevention.reporting.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;
import kz.prevention.commons.territory.KatoScope;

/**
 * Who sees which figures. Only the prosecutor's oversight ({@code supervisor}) sees counts as they
 * are; everyone else allowed here — {@code analyst}, and {@code platform-admin}, who runs the
 * service but has no need for small counts — gets them suppressed. Every caller is held to the
 * territory of its token's {@code region} claim (the republic for 000000000).
 */
@RequestScoped
public class ReportingAccess {

    public static final String[] READERS = {Roles.ANALYST, Roles.SUPERVISOR, Roles.PLATFORM_ADMIN};

    @Inject
    Caller caller;

    public boolean seesSmallCounts() {
        return caller.hasRole(Roles.SUPERVISOR);
    }

    /** The territory asked for (a 9-digit KATO code), or the caller's own; 400 malformed, 403 outside the caller's. */
    public String scope(String requested) {
        String own = caller.region().filter(KatoScope::isCode).orElseThrow(() -> new ProblemException(
                ProblemType.FORBIDDEN, "the token has no valid 'region' claim; ask the realm administrator to set it"));
        if (requested == null || requested.isBlank()) {
            return own;
        }
        KatoScope.narrow(requested, KatoScope.prefix(own));
        return requested;
    }

    public String subject() {
        return caller.subject();
    }
}
