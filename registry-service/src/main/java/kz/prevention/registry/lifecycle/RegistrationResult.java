package kz.prevention.registry.lifecycle;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.persistence.read.Audited;
import kz.prevention.registry.person.DuplicateWarning;
import kz.prevention.registry.entry.EntryView;

/**
 * The new entry, whether an existing person record was reused, and any possible duplicates. A retry
 * with the same Idempotency-Key gets the entry as it is now, re-read under the caller's rights;
 * {@code personReused} and {@code warnings} belong to the first answer and are then null and empty.
 */
@Schema(name = "RegistrationResult")
public record RegistrationResult(EntryView entry, Boolean personReused, List<DuplicateWarning> warnings,
        @Schema(description = "set when the registration itself came after an Order 163 deadline it meets (the first of"
                + " lateDeadlines): raised as a work item and entry.deadline-missed")
        LateRegistration lateRegistration,
        @Schema(description = "every Order 163 deadline the registration itself missed: DATA_ENTRY (working days from"
                + " the grounding document's date), RESPONSIBLE_OFFICER (24 h from a protective order),"
                + " SPECIAL_REQUIREMENTS_REGISTRATION (3 calendar days from the ruling's receipt); each raised once")
        List<LateRegistration> lateDeadlines)
        implements Audited {

    static RegistrationResult replayOf(EntryView entry) {
        return new RegistrationResult(entry, null, List.of(), null, List.of());
    }

    /** The deadline the registration missed: its code in the order-163-deadlines catalog and when it was due. */
    @Schema(name = "LateRegistration")
    public record LateRegistration(@Schema(example = "DATA_ENTRY") String deadline,
            @Schema(example = "2026-03-27") java.time.LocalDate dueDate) {
    }

    @Override
    public String auditType() {
        return entry.auditType();
    }

    @Override
    public String auditId() {
        return entry.auditId();
    }

    @Override
    public UUID auditPersonId() {
        return entry.auditPersonId();
    }
}
