package kz.prevention.commission.rules;

/** What the votes on an item decided. */
public enum Outcome {
    ADOPTED,
    REJECTED
}
