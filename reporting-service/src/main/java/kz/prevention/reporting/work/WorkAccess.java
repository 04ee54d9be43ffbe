package kz.prevention.reporting.work;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;
import kz.prevention.commons.territory.KatoScope;

/**
 * Who sees whose prevention-work figures (issue 12 §6): an officer only their own, by the token's
 * {@code sub} (the account the registry records as the responsible officer's {@code userId}); an
 * authorised head the units of its own agency (token {@code agency}) within the unit it heads (token
 * {@code unit}, a KATO code), and their officers — one-man management, Law No. 380-IV Art. 4. Nobody
 * else: analysts, supervisors and administrators get published figures only, which never go down to
 * officers. A unit outside the head's scope is answered as not found.
 */
@RequestScoped
public class WorkAccess {

    /** The roles of the officers whose work is measured (a head holds them too). */
    public static final String[] OFFICERS = {Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.AUTHORISED_HEAD};

    @Inject
    Caller caller;

    /** The caller's own account id; 403 when the token's sub is not a platform account (a UUID). */
    public UUID self() {
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the token's subject is not a platform account");
        }
    }

    /** The head's agency and the KATO prefix of the unit it heads; 403 for anyone who is not an authorised head with both. */
    public HeadScope head() {
        if (!caller.hasRole(Roles.AUTHORISED_HEAD)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "units' figures are for their authorised heads");
        }
        Optional<String> unit = caller.unit().filter(KatoScope::isCode);
        Optional<String> agency = caller.agency().filter(a -> a.matches("[A-Z][A-Z_]{0,39}"));
        if (unit.isEmpty() || agency.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "the token has no valid 'unit' or 'agency' claim; ask the realm administrator to set them");
        }
        return new HeadScope(agency.get(), unit.get());
    }

    /** An authorised head's reach: its agency's units whose district lies within the unit it heads. */
    public record HeadScope(String agency, String unit) {

        public boolean covers(Unit u) {
            return agency.equals(u.agency()) && KatoScope.covers(unit, u.kato());
        }

        /** The territory asked for, within the head's unit: its KATO prefix; 400 malformed, 403 outside. */
        public String prefix(String region) {
            return region == null ? KatoScope.prefix(unit) : KatoScope.narrow(region, KatoScope.prefix(unit));
        }
    }

    public String subject() {
        return caller.subject();
    }
}
