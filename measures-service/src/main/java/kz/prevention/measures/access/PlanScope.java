package kz.prevention.measures.access;

import java.util.UUID;

/**
 * What the access rule needs to know of a plan: its territory and whether it is a minor's. The plan
 * implements it; the rule depends on this and not on the plan, so plans and measures can use the
 * rule without the packages depending on each other.
 */
public interface PlanScope {

    UUID resourceId();

    /** The KATO code of the plan's territory. */
    String region();

    boolean minor();
}
