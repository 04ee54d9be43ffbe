package kz.prevention.measures.plan;

public enum PlanStatus {
    OPEN,
    CLOSED
}
