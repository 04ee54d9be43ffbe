package kz.prevention.measures.access;

import java.util.UUID;

/** What the access rule needs to know of a measure: its plan, territory, executing agency and organisation. */
public interface MeasureScope {

    UUID resourceId();

    PlanScope planScope();

    /** The KATO code of the measure's territory (its plan's, or the territory it was routed to). */
    String region();

    /** The executing agency's code in the subjects catalog. */
    String executingAgency();

    /** The BIN of the organisation it is assigned to; null until routed. */
    String organisation();
}
