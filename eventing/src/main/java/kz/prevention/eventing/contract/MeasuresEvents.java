package kz.prevention.eventing.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.prevention.eventing.catalog.DomainEvent;

/**
 * The data of measures-service's events, each bound to its catalog entry. Ids, codes and dates —
 * never names, results or free text, which may hold personal data.
 */
public final class MeasuresEvents {

    private MeasuresEvents() {
    }

    public record PlanOpened(UUID planId, String kind, UUID entryId, String region, String category,
            boolean minor, String generalKind, UUID decisionId, LocalDate openedOn) implements DomainEvent {
        @Override
        public String aggregateId() {
            return planId.toString();
        }
    }

    public record PlanTransferred(UUID planId, UUID entryId, String fromRegion, String toRegion) implements DomainEvent {
        @Override
        public String aggregateId() {
            return planId.toString();
        }
    }

    public record PlanClosed(UUID planId, UUID entryId, String region, String reason, LocalDate closedOn,
            int cancelledMeasures) implements DomainEvent {
        @Override
        public String aggregateId() {
            return planId.toString();
        }
    }

    public record MeasureAssigned(UUID measureId, UUID planId, String region, String type, String executingAgency,
            String typeKind, UUID entryId, UUID personId, boolean minor, LocalDate startDate, LocalDate dueDate,
            UUID decisionId, String instructionId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return measureId.toString();
        }
    }

    public record MeasureUpdated(UUID measureId, UUID planId, String region, String type, String executingAgency,
            List<String> changedFields, LocalDate dueDate) implements DomainEvent {
        @Override
        public String aggregateId() {
            return measureId.toString();
        }
    }

    public record MeasureStarted(UUID measureId, UUID planId, String region, String type, String executingAgency,
            LocalDate startedOn) implements DomainEvent {
        @Override
        public String aggregateId() {
            return measureId.toString();
        }
    }

    public record MeasureCompleted(UUID measureId, UUID planId, String region, String type, String executingAgency,
            LocalDate dueDate, LocalDate completedOn, boolean onTime, UUID decisionId, String instructionId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return measureId.toString();
        }
    }

    public record MeasureCancelled(UUID measureId, UUID planId, String region, String type, String executingAgency,
            String reason, LocalDate cancelledOn) implements DomainEvent {
        @Override
        public String aggregateId() {
            return measureId.toString();
        }
    }

    public record MeasureOverdue(UUID measureId, UUID planId, String region, String type, String executingAgency,
            LocalDate dueDate, LocalDate detectedOn, int daysOverdue, UUID decisionId, String instructionId)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return measureId.toString();
        }
    }
}
