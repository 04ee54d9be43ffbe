package kz.prevention.measures.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events measures-service publishes: type names (their JSON Schemas are in the eventing
 * module's catalog) and payloads. Payloads carry ids, codes and dates — never names, results or
 * free text, which may hold personal data.
 */
public final class MeasuresEvents {

    public static final String PLAN = "plan";
    public static final String MEASURE = "measure";

    public static final String PLAN_OPENED = "kz.prevention.measures.plan.opened.v1";
    public static final String PLAN_TRANSFERRED = "kz.prevention.measures.plan.transferred.v1";
    public static final String PLAN_CLOSED = "kz.prevention.measures.plan.closed.v1";
    public static final String MEASURE_ASSIGNED = "kz.prevention.measures.measure.assigned.v1";
    public static final String MEASURE_UPDATED = "kz.prevention.measures.measure.updated.v1";
    public static final String MEASURE_STARTED = "kz.prevention.measures.measure.started.v1";
    public static final String MEASURE_COMPLETED = "kz.prevention.measures.measure.completed.v1";
    public static final String MEASURE_CANCELLED = "kz.prevention.measures.measure.cancelled.v1";
    public static final String MEASURE_OVERDUE = "kz.prevention.measures.measure.overdue.v1";

    private MeasuresEvents() {
    }

    public record PlanOpened(UUID planId, String kind, UUID entryId, UUID personId, String region, String category,
            boolean minor, String generalKind, UUID decisionId, LocalDate openedOn) {
    }

    public record PlanTransferred(UUID planId, UUID entryId, String fromRegion, String toRegion) {
    }

    public record PlanClosed(UUID planId, UUID entryId, String region, String reason, LocalDate closedOn,
            int cancelledMeasures) {
    }

    public record MeasureAssigned(UUID measureId, UUID planId, String region, String type, String executingAgency,
            String typeKind, UUID entryId, UUID personId, boolean minor, LocalDate startDate, LocalDate dueDate,
            UUID decisionId, String instructionId) {
    }

    public record MeasureUpdated(UUID measureId, UUID planId, String region, String type, String executingAgency,
            List<String> changedFields, LocalDate dueDate) {
    }

    public record MeasureStarted(UUID measureId, UUID planId, String region, String type, String executingAgency,
            LocalDate startedOn) {
    }

    public record MeasureCompleted(UUID measureId, UUID planId, String region, String type, String executingAgency,
            LocalDate dueDate, LocalDate completedOn, boolean onTime, UUID decisionId) {
    }

    public record MeasureCancelled(UUID measureId, UUID planId, String region, String type, String executingAgency,
            String reason, LocalDate cancelledOn) {
    }

    public record MeasureOverdue(UUID measureId, UUID planId, String region, String type, String executingAgency,
            LocalDate dueDate, LocalDate detectedOn, int daysOverdue, UUID decisionId) {
    }
}
