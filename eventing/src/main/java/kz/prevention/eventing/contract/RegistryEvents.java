package kz.prevention.eventing.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.prevention.eventing.catalog.DomainEvent;

/**
 * The data of registry-service's events. Each record is the {@code payload} of one catalog entry
 * (its type, topic and schema are there, nowhere else). Payloads carry codes, dates and ids —
 * never names, IINs or addresses: the registry's confidentiality extends to every topic.
 */
public final class RegistryEvents {

    private RegistryEvents() {
    }

    /** Sex and birth year only: reporting disaggregates by them; the catalog says why each field is carried. */
    public record PersonRegistered(UUID personId, String sex, int birthYear) implements DomainEvent {
        @Override
        public String aggregateId() {
            return personId.toString();
        }
    }

    public record PersonUpdated(UUID personId, List<String> changedFields) implements DomainEvent {
        @Override
        public String aggregateId() {
            return personId.toString();
        }
    }

    /** Ids only: which person without an IIN became a tombstone, who survives, and which entries moved to them. */
    public record PersonMerged(UUID mergedPersonId, UUID survivorPersonId, List<UUID> movedEntryIds) implements DomainEvent {
        @Override
        public String aggregateId() {
            return mergedPersonId.toString();
        }
    }

    /**
     * What consumers act on: measures-service opens the plan, commission-service may propose the person,
     * reporting counts. No case number, free text, document type or exact age (entry.registered.v1 had them).
     */
    public record EntryRegistered(UUID entryId, UUID personId, String category, String categoryGroup, boolean minor,
            String region, String measure, LocalDate startDate, LocalDate measureEndDate, String sex,
            String controlFrequency) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record EntryUpdated(UUID entryId, String region, List<String> changedFields) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record EntryExtended(UUID entryId, String region, String measure, LocalDate previousEndDate,
            LocalDate newEndDate) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record TransferRequested(UUID entryId, UUID transferId, String fromRegion, String toRegion,
            LocalDate fileDueDate) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record Transferred(UUID entryId, UUID transferId, String fromRegion, String toRegion) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record TransferRejected(UUID entryId, UUID transferId, String fromRegion, String toRegion)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    /**
     * A removal, extension or transfer of an entry awaits an authorised head's approval. Ids and
     * codes only: who asked is in the registry's history and audit log, not on the topic.
     */
    public record ApprovalRequested(UUID approvalId, UUID entryId, String kind, String region) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    /** An authorised head approved (the change follows as its own event) or rejected a request. */
    public record ApprovalDecided(UUID approvalId, UUID entryId, String kind, String region, String decision)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record EntryRemoved(UUID entryId, String region, String reason, boolean early,
            LocalDate removalDate) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record ControlRecorded(UUID entryId, String region, LocalDate visitDate, String form, LocalDate dueDate,
            boolean onTime, LocalDate nextControlDate) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record ControlOverdue(UUID entryId, String region, String measure, LocalDate dueDate, int daysOverdue)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record TermEnding(UUID entryId, String region, String measure, LocalDate endDate, int daysLeft)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    public record TermExpired(UUID entryId, String region, String measure, LocalDate endDate) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    /**
     * An Order 163 deadline passed unmet: which one ({@code deadline}, a code of the order-163-deadlines
     * catalog), due when, under which version of the rule ({@code rule}). No personal data.
     */
    public record DeadlineMissed(UUID entryId, String region, String deadline, LocalDate dueDate, String rule)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    /** No date: the day a minor turns 18 is their birth date (the envelope's time says when it was seen). */
    public record MinorCameOfAge(UUID entryId, String region) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }

    /**
     * Who holds the entry from {@code assignedOn}: the keeping unit (agency and territory) and the
     * responsible officer's platform account — an opaque id, null when the officer was named without
     * one — never a name. Reporting builds officers' and units' internal indicators from it.
     */
    public record OfficerAssigned(UUID entryId, String region, String agency, UUID officerId, LocalDate assignedOn,
            String occasion) implements DomainEvent {
        @Override
        public String aggregateId() {
            return entryId.toString();
        }
    }
}
