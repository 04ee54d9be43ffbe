package kz.prevention.commission.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commons.identity.Iin;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.reference.calendar.DeadlineRule;
import kz.prevention.reference.calendar.PreventionLawDeadlines;

/**
 * The application's rules: filed with the age and declared checks decided at once, the registry's
 * answer applied when it comes, registration by the akimat of an eligible applicant only (the due
 * date: 7 working days of the application, from the dated catalog), refusal always with a reason.
 * Runs in its caller's transaction; each change is recorded (history, audit, event) in one call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AssistantService {

    @Inject
    ChangeRecorder changes;
    @Inject
    PreventionLawDeadlines deadlines;

    public PublicAssistant file(ApplicationRequest r, LocalDate today, String actor, String agency) {
        Iin iin = parse(r.iin());
        LocalDate appliedOn = r.appliedOn() == null ? today : r.appliedOn();
        if (appliedOn.isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "appliedOn", "must not be in the future");
        }
        String district = districtOf(r.addressKato());
        if (PublicAssistant.count("iin = ?1 and district = ?2 and status <> ?3", iin.value(), district,
                AssistantStatus.REFUSED) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "this citizen already has an open application or a"
                    + " registration in the district");
        }
        DeadlineRule rule = deadlines.rule(PreventionLawDeadlines.PUBLIC_ASSISTANT_REGISTRATION, appliedOn);
        Eligibility.Verdict v = Eligibility.decide(iin.birthDate(), appliedOn, r.declarations().declared(), Optional.empty());
        PublicAssistant a = new PublicAssistant();
        a.id = UUID.randomUUID();
        a.iin = iin.value();
        a.lastName = r.lastName().strip();
        a.firstName = r.firstName().strip();
        a.middleName = r.middleName() == null || r.middleName().isBlank() ? null : r.middleName().strip();
        a.addressKato = r.addressKato();
        a.district = district;
        a.appliedOn = appliedOn;
        a.registrationDue = rule.due(appliedOn, deadlines.calendar());
        a.deadlineRule = rule.version();
        a.filedBy = actor;
        a.filedAgency = agency;
        a.filedAt = Instant.now();
        Eligibility.Declared d = r.declarations().declared();
        a.notUnderInvestigation = d.notUnderInvestigation();
        a.noIntentionalOffencePenalty = d.noIntentionalOffencePenalty();
        a.notOnDrugRegister = d.notOnDrugRegister();
        a.notOnPsychiatricRegister = d.notOnPsychiatricRegister();
        a.declaredBy = actor;
        a.declaredAt = a.filedAt;
        a.status = v.status();
        a.ineligibleReasons = codes(v.reasons());
        a.persist();
        Changes diff = Changes.creation();
        diff.set("status", null, a.status);
        diff.set("district", null, a.district);
        diff.set("registrationDue", null, a.registrationDue);
        changes.record(a, "FILED", diff, null);
        return a;
    }

    /** Whether the registry may be asked about this application now (a 409 saying why not otherwise). */
    public void requireCheckable(PublicAssistant a) {
        if (!a.status.undecided()) {
            throw new ProblemException(ProblemType.CONFLICT, "the application is " + a.status + "; nothing to check");
        }
        List<Ineligibility> without = Eligibility.withoutRegistry(birthDate(a), a.appliedOn, a.declared());
        if (!without.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "the applicant is ineligible without the registry's answer ("
                    + codes(without) + "); the registry is not asked");
        }
    }

    /** Applies the registry's answer, or records why there is none (the status then stays as it was). */
    public void applyRegistryAnswer(PublicAssistant a, RegistryCheck.Result result) {
        if (!a.status.undecided()) {
            return; // decided meanwhile: the answer changes nothing
        }
        Changes diff = new Changes();
        if (result.onRegistry().isEmpty()) {
            a.registryProblem = diff.set("registryProblem", a.registryProblem, result.problem());
            changes.record(a, "REGISTRY_UNAVAILABLE", diff, null);
            return;
        }
        Eligibility.Verdict v = Eligibility.decide(birthDate(a), a.appliedOn, a.declared(), result.onRegistry());
        a.onRegistry = diff.set("onRegistry", a.onRegistry, result.onRegistry().get());
        a.registryCheckedAt = Instant.now();
        a.registryProblem = diff.set("registryProblem", a.registryProblem, null);
        a.status = diff.set("status", a.status, v.status());
        a.ineligibleReasons = diff.set("ineligibleReasons", a.ineligibleReasons, codes(v.reasons()));
        changes.record(a, "REGISTRY_CHECKED", diff, null);
    }

    public void register(PublicAssistant a, LocalDate today, String actor) {
        if (a.status != AssistantStatus.ELIGIBLE) {
            throw new ProblemException(ProblemType.CONFLICT, switch (a.status) {
                case PENDING_CHECK -> "the registry's check has no answer yet; re-check it before registering";
                case INELIGIBLE -> "the applicant is not eligible (" + a.ineligibleReasons + "); refuse with a reason";
                default -> "the application is already " + a.status;
            });
        }
        Changes diff = new Changes();
        a.status = diff.set("status", a.status, AssistantStatus.REGISTERED);
        a.registeredOn = diff.set("registeredOn", a.registeredOn, today);
        a.decidedBy = actor;
        a.decidedAt = Instant.now();
        changes.record(a, "REGISTERED", diff, new CommissionEvents.PublicAssistantRegistered(a.id, a.district, a.appliedOn,
                a.registrationDue, today, !today.isAfter(a.registrationDue), a.deadlineRule));
    }

    public void refuse(PublicAssistant a, String reason, String actor) {
        if (!a.status.undecided()) {
            throw new ProblemException(ProblemType.CONFLICT, "the application is already " + a.status);
        }
        Changes diff = new Changes();
        a.status = diff.set("status", a.status, AssistantStatus.REFUSED);
        a.refusalReason = diff.set("refusalReason", a.refusalReason, reason.strip());
        a.decidedBy = actor;
        a.decidedAt = Instant.now();
        changes.record(a, "REFUSED", diff, null);
    }

    static Iin parse(String raw) {
        Iin.Result r = Iin.parse(raw);
        if (!r.isValid()) {
            throw ProblemException.field(ProblemType.VALIDATION, "iin", r.problem());
        }
        return r.iin();
    }

    /** The district (KATO level 2) whose akimat registers: the address must lie within one. */
    static String districtOf(String addressKato) {
        if (!KatoScope.isCode(addressKato) || KatoScope.level(addressKato) < 2) {
            throw ProblemException.field(ProblemType.VALIDATION, "addressKato", "a 9-digit KATO code within a district");
        }
        return KatoScope.district(addressKato);
    }

    private static LocalDate birthDate(PublicAssistant a) {
        return parse(a.iin).birthDate();
    }

    private static String codes(List<Ineligibility> reasons) {
        return reasons.isEmpty() ? null : reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
