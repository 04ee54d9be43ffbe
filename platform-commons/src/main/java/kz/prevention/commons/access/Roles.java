package kz.prevention.commons.access;

/**
 * The realm roles of the platform, named once (the realm file and the services' access rules
 * use these names). Constants, so {@code @RolesAllowed} can use them.
 */
public final class Roles {

    /** Keeps the preventive registry for adults (internal affairs; economic investigations for its own registry). */
    public static final String REGISTRY_OFFICER = "registry-officer";
    /** Keeps the registry's minors' records. */
    public static final String JUVENILE_INSPECTOR = "juvenile-inspector";
    /** Approves removals, extensions and transfers of the body it heads (one-man management). */
    public static final String AUTHORISED_HEAD = "authorised-head";
    /** Carries out measures assigned to its agency and organisation. */
    public static final String MEASURES_EXECUTOR = "measures-executor";
    public static final String COMMISSION_SECRETARY = "commission-secretary";
    public static final String COMMISSION_MEMBER = "commission-member";
    /** Reads published (suppressed) figures and the pseudonymised stream. */
    public static final String ANALYST = "analyst";
    /** The prosecutor's oversight: reads everything, changes nothing. */
    public static final String SUPERVISOR = "supervisor";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /**
     * An officer of a district akimat (agency {@code AKIMAT}): registers or refuses public assistants
     * of its {@code region} claim's territory and puts their rewards to the akimat's commission.
     */
    public static final String AKIMAT_OFFICER = "akimat-officer";
    /** A service account asking the narrow question "is this IIN on the registry?". */
    public static final String REGISTRY_CHECK = "registry-check";

    /**
     * A service account (measures-service's) asking the registry for the minimal summary of a person
     * an organisation works with: name and age, nothing else.
     */
    public static final String REGISTRY_SUMMARY = "registry-summary";

    private Roles() {
    }
}
