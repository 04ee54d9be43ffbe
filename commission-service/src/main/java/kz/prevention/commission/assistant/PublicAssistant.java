package kz.prevention.commission.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.persistence.change.Tracked;

/**
 * A citizen's application to be a public assistant and, once the akimat registers it, the public
 * assistant. Holds the applicant's IIN and names — the only place they are kept; every read of it
 * is audited as a read of this person's data.
 */
@Entity
@Table(name = "public_assistant")
public class PublicAssistant extends PanacheEntityBase implements Tracked {

    @Id
    public UUID id;

    public String iin;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "middle_name")
    public String middleName;

    /** The applicant's address, a KATO code; its district decides which akimat registers. */
    @Column(name = "address_kato")
    public String addressKato;

    public String district;

    @Column(name = "applied_on")
    public LocalDate appliedOn;

    @Column(name = "registration_due")
    public LocalDate registrationDue;

    /** The dated rule the due date was counted by ({@code <catalog version>/<validFrom>}). */
    @Column(name = "deadline_rule")
    public String deadlineRule;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filed_agency")
    public String filedAgency;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "not_under_investigation")
    public boolean notUnderInvestigation;

    @Column(name = "no_intentional_offence_penalty")
    public boolean noIntentionalOffencePenalty;

    @Column(name = "not_on_drug_register")
    public boolean notOnDrugRegister;

    @Column(name = "not_on_psychiatric_register")
    public boolean notOnPsychiatricRegister;

    @Column(name = "declared_by")
    public String declaredBy;

    @Column(name = "declared_at")
    public Instant declaredAt;

    /** The registry's answer; null while there is none. */
    @Column(name = "on_registry")
    public Boolean onRegistry;

    @Column(name = "registry_checked_at")
    public Instant registryCheckedAt;

    /** Why the registry gave no answer at the last attempt (no personal data: a status or an exception's kind). */
    @Column(name = "registry_problem")
    public String registryProblem;

    @Enumerated(EnumType.STRING)
    public AssistantStatus status;

    /** Comma-separated {@link Ineligibility} codes. */
    @Column(name = "ineligible_reasons")
    public String ineligibleReasons;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Version
    public long version;

    public Eligibility.Declared declared() {
        return new Eligibility.Declared(notUnderInvestigation, noIntentionalOffencePenalty, notOnDrugRegister,
                notOnPsychiatricRegister);
    }

    public List<Ineligibility> reasons() {
        return ineligibleReasons == null || ineligibleReasons.isBlank() ? List.of()
                : Arrays.stream(ineligibleReasons.split(",")).map(Ineligibility::valueOf).toList();
    }

    public boolean overdueOn(LocalDate day) {
        return status.undecided() && day.isAfter(registrationDue);
    }

    @Override
    public String resourceType() {
        return "public-assistant";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    /** The applicant is the person whose data this is; the service knows them by this id only. */
    @Override
    public UUID personId() {
        return id;
    }
}
