package kz.prevention.registry.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.persistence.read.Audited;

/** An entry as the API shows it. */
@Schema(name = "Entry")
public record EntryView(UUID id, String caseNumber, PersonSummary person, String category, String categoryGroup,
        boolean minor, GroundingDocument groundingDocument, LocalDate groundingDocumentReceivedOn,
        ProsecutorCopy prosecutorCopy, String registeringBody, Officer responsibleOfficer,
        String region, LocalDate startDate, String measure, LocalDate measureEndDate, String riskLevel,
        String controlFrequency, LocalDate lastControlDate, LocalDate nextControlDate, boolean controlOverdue,
        String status, Removal removal, PendingTransfer pendingTransfer, Rules rules, Instant createdAt,
        String createdBy, Instant updatedAt, long version) implements Audited {

    @Override
    public String auditType() {
        return "entry";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return person.id();
    }

    @Schema(name = "PersonSummary")
    public record PersonSummary(UUID id, String iin, String lastName, String firstName, String middleName,
            LocalDate birthDate, String sex) {
    }

    /**
     * The versions of the law's catalogs the entry was decided under (catalog version / the rule's
     * effective date): an amendment from a later date does not change them. Null for entries
     * registered before the platform recorded them.
     */
    @Schema(name = "EntryRules")
    public record Rules(@Schema(description = "registry-categories rule, e.g. 2026.11.1/2026-03-02") String category,
            @Schema(description = "individual-measures rule, e.g. 2026.11.1/2026-03-02") String measure) {
    }

    @Schema(name = "Removal")
    public record Removal(String reason, LocalDate date, GroundingDocument document) {
    }

    /** An official warning's copy sent to the prosecutor (Order 163: within 24 h), once recorded. */
    @Schema(name = "ProsecutorCopy")
    public record ProsecutorCopy(LocalDate sentOn, String outgoingNumber, String recordedBy) {
    }

    @Schema(name = "PendingTransfer")
    public record PendingTransfer(UUID id, String toRegion, String reason, LocalDate fileDueDate, Instant requestedAt) {
    }

    public static EntryView of(RegistryEntry e, LocalDate today, String controlFrequency, EntryTransfer pending) {
        var p = e.person;
        return new EntryView(e.id, e.caseNumber,
                new PersonSummary(p.id, p.iin, p.lastName, p.firstName, p.middleName, p.birthDate, p.sex),
                e.category, e.categoryGroup, e.isMinorRecord(today),
                new GroundingDocument(e.docType, e.docNumber, e.docDate, e.docIssuer), e.docReceived(),
                e.prosecutorCopySentOn == null ? null
                        : new ProsecutorCopy(e.prosecutorCopySentOn, e.prosecutorCopyNumber, e.prosecutorCopyRecordedBy),
                e.registeringBody,
                new Officer(e.officerName, e.officerRank, e.officerUserId), e.region, e.startDate, e.measure, e.measureEndDate, e.riskLevel,
                controlFrequency, e.lastControlDate, e.nextControlDate, e.controlOverdue(today), e.status.name(),
                e.removalReason == null ? null : new Removal(e.removalReason, e.removalDate,
                        new GroundingDocument(e.removalDocType, e.removalDocNumber, e.removalDocDate, e.removalDocIssuer)),
                pending == null ? null : new PendingTransfer(pending.id, pending.toRegion, pending.reason,
                        pending.fileDueDate, pending.requestedAt),
                new Rules(e.categoryRule, e.measureRule), e.createdAt, e.createdBy, e.updatedAt, e.version);
    }
}
