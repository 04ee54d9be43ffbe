package kz.prevention.measures.plan;

/** An individual plan is about one registry entry; a general plan is a territory's programme (Arts. 41, 70-77). */
public enum PlanKind {
    INDIVIDUAL,
    GENERAL
}
