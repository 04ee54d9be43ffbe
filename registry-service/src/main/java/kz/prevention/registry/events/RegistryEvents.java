package kz.prevention.registry.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The registry's events: type names (the catalog in the eventing module holds their schemas)
 * and payloads. Payloads carry codes, dates and ids — never names, IINs or addresses: the
 * confidentiality of the registry extends to every topic it publishes on.
 */
public final class RegistryEvents {

    public static final String PERSON = "person";
    public static final String ENTRY = "entry";

    public static final String PERSON_REGISTERED = "kz.prevention.registry.person.registered.v1";
    public static final String PERSON_UPDATED = "kz.prevention.registry.person.updated.v1";
    public static final String ENTRY_REGISTERED = "kz.prevention.registry.entry.registered.v1";
    public static final String ENTRY_UPDATED = "kz.prevention.registry.entry.updated.v1";
    public static final String ENTRY_EXTENDED = "kz.prevention.registry.entry.extended.v1";
    public static final String ENTRY_TRANSFER_REQUESTED = "kz.prevention.registry.entry.transfer-requested.v1";
    public static final String ENTRY_TRANSFERRED = "kz.prevention.registry.entry.transferred.v1";
    public static final String ENTRY_TRANSFER_REJECTED = "kz.prevention.registry.entry.transfer-rejected.v1";
    public static final String ENTRY_REMOVED = "kz.prevention.registry.entry.removed.v1";
    public static final String ENTRY_CONTROL_RECORDED = "kz.prevention.registry.entry.control-recorded.v1";
    public static final String ENTRY_CONTROL_OVERDUE = "kz.prevention.registry.entry.control-overdue.v1";
    public static final String ENTRY_TERM_ENDING = "kz.prevention.registry.entry.term-ending.v1";
    public static final String ENTRY_TERM_EXPIRED = "kz.prevention.registry.entry.term-expired.v1";
    public static final String ENTRY_MINOR_CAME_OF_AGE = "kz.prevention.registry.entry.minor-came-of-age.v1";

    private RegistryEvents() {
    }

    public record PersonRegistered(UUID personId, boolean hasIin, String sex, int birthYear, String citizenship) {
    }

    public record PersonUpdated(UUID personId, List<String> changedFields) {
    }

    public record EntryRegistered(UUID entryId, String caseNumber, UUID personId, String category, String categoryGroup,
            boolean minor, String region, String registeringBody, String measure, LocalDate startDate,
            LocalDate measureEndDate, String groundingDocumentType, String sex, int ageAtRegistration,
            String controlFrequency, LocalDate nextControlDate) {
    }

    public record EntryUpdated(UUID entryId, String region, List<String> changedFields) {
    }

    public record EntryExtended(UUID entryId, String region, String measure, LocalDate previousEndDate,
            LocalDate newEndDate) {
    }

    public record TransferRequested(UUID entryId, UUID transferId, String fromRegion, String toRegion, LocalDate fileDueDate) {
    }

    public record Transferred(UUID entryId, UUID transferId, String fromRegion, String toRegion) {
    }

    public record TransferRejected(UUID entryId, UUID transferId, String fromRegion, String toRegion) {
    }

    public record EntryRemoved(UUID entryId, UUID personId, String region, String reason, boolean early,
            LocalDate removalDate) {
    }

    public record ControlRecorded(UUID entryId, String region, LocalDate visitDate, String form, LocalDate dueDate,
            boolean onTime, LocalDate nextControlDate) {
    }

    public record ControlOverdue(UUID entryId, String region, String measure, LocalDate dueDate, int daysOverdue) {
    }

    public record TermEnding(UUID entryId, String region, String measure, LocalDate endDate, int daysLeft) {
    }

    public record TermExpired(UUID entryId, String region, String measure, LocalDate endDate) {
    }

    public record MinorCameOfAge(UUID entryId, UUID personId, String region, LocalDate eighteenthBirthday) {
    }
}
