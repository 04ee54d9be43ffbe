package kz.prevention.commission.rules;

/** What a simple majority is counted of. */
public enum MajorityBase {
    /** More than half of the members present and not recused (abstentions count against). */
    PRESENT,
    /** More FOR than AGAINST votes (abstentions do not count). */
    CAST
}
