package kz.prevention.commission.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.prevention.persistence.read.Audited;

/** An application or public assistant as its readers see it; audited as a read of the applicant's data. */
public record PublicAssistantView(UUID id, String iin, String lastName, String firstName, String middleName,
        String addressKato, String district, LocalDate appliedOn, LocalDate registrationDue, boolean overdue,
        String deadlineRule, String filedBy, String filedAgency, Declared declared, Registry registry,
        AssistantStatus status, List<Ineligibility> ineligibleReasons, String decidedBy, Instant decidedAt,
        LocalDate registeredOn, String refusalReason, long version) implements Audited {

    /** The declared checks, with who declared them and when. */
    public record Declared(boolean notUnderInvestigation, boolean noIntentionalOffencePenaltyWithinYear,
            boolean notOnDrugRegister, boolean notOnPsychiatricRegister, String declaredBy, Instant declaredAt) {
    }

    /** The registry's answer (null while none), when it came, and why the last attempt failed. */
    public record Registry(Boolean onRegistry, Instant checkedAt, String problem) {
    }

    public static PublicAssistantView of(PublicAssistant a, LocalDate today) {
        return new PublicAssistantView(a.id, a.iin, a.lastName, a.firstName, a.middleName, a.addressKato, a.district,
                a.appliedOn, a.registrationDue, a.overdueOn(today), a.deadlineRule, a.filedBy, a.filedAgency,
                new Declared(a.notUnderInvestigation, a.noIntentionalOffencePenalty, a.notOnDrugRegister,
                        a.notOnPsychiatricRegister, a.declaredBy, a.declaredAt),
                new Registry(a.onRegistry, a.registryCheckedAt, a.registryProblem), a.status, a.reasons(), a.decidedBy,
                a.decidedAt, a.registeredOn, a.refusalReason, a.version);
    }

    @Override
    public String auditType() {
        return "public-assistant";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return id;
    }
}
