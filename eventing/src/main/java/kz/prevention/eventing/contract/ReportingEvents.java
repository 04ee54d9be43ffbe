package kz.prevention.eventing.contract;

import java.time.LocalDate;

import kz.prevention.eventing.catalog.DomainEvent;

/**
 * The data of reporting-service's pseudonymised stream for analysts
 * ({@code prevention.analytics.pseudonymised}). Persons, entries and measures are known only by
 * keyed pseudonyms (HMAC-SHA256 under a secret key named by {@code keyId}, so a rotation starts
 * new pseudonyms); the birth year instead of a date; the territory at district level; dates to
 * the day. No names, IINs, case numbers, registering bodies or free text — analysts can join
 * and count, never identify.
 */
public final class ReportingEvents {

    private ReportingEvents() {
    }

    public record PersonPseudonymised(String person, String keyId, int birthYear, String sex) implements DomainEvent {
        @Override
        public String aggregateId() {
            return person;
        }
    }

    public record EntryRegisteredPseudonymised(String entry, String person, String keyId, String category,
            String categoryGroup, boolean minor, String district, LocalDate registeredOn) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entry;
        }
    }

    public record EntryRemovedPseudonymised(String entry, String keyId, String district, String reason, boolean early,
            LocalDate removedOn) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entry;
        }
    }

    public record MeasureAssignedPseudonymised(String measure, String entry, String keyId, String district, String type,
            String executingAgency, LocalDate assignedOn, LocalDate dueDate) implements DomainEvent {
        @Override
        public String aggregateId() {
            return measure;
        }
    }

    public record MeasureCompletedPseudonymised(String measure, String keyId, String district, String type,
            String executingAgency, LocalDate dueDate, LocalDate completedOn, boolean onTime) implements DomainEvent {
        @Override
        public String aggregateId() {
            return measure;
        }
    }

    /**
     * The registry merged two persons (one registered without an IIN was the other): events published
     * before carry {@code merged}, later ones may carry either, so analysts join the two here. Only the
     * two pseudonyms under the same key; the entries moved need no list, their events already name
     * {@code merged}.
     */
    public record PersonMergedPseudonymised(String merged, String survivor, String keyId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return merged;
        }
    }
}
