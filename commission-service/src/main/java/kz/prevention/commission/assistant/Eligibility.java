package kz.prevention.commission.assistant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The eligibility rules of Art. 45, without the application: an adult on the application's date,
 * the checks the officer declared (not under investigation, no court penalty for an intentional
 * offense within a year, not on the drug or psychiatric registers), and the preventive registry's
 * answer. The registry is asked only when everything else passes (data minimisation: no IIN goes
 * to the registry for a citizen who is ineligible anyway), so its answer may be absent.
 */
public final class Eligibility {

    public static final int ADULT_AGE = 18;

    private Eligibility() {
    }

    /** The officer's declared checks, each true when the check found nothing against the citizen. */
    public record Declared(boolean notUnderInvestigation, boolean noIntentionalOffencePenalty, boolean notOnDrugRegister,
            boolean notOnPsychiatricRegister) {
    }

    /** What the rules say: the reasons against (empty when none), and whether the registry must still be asked. */
    public record Verdict(AssistantStatus status, List<Ineligibility> reasons) {
        public boolean needsRegistry() {
            return status == AssistantStatus.PENDING_CHECK;
        }
    }

    /** The reasons against that need no registry: age and the declared checks. */
    public static List<Ineligibility> withoutRegistry(LocalDate birthDate, LocalDate appliedOn, Declared d) {
        List<Ineligibility> reasons = new ArrayList<>();
        if (birthDate.plusYears(ADULT_AGE).isAfter(appliedOn)) {
            reasons.add(Ineligibility.MINOR);
        }
        if (!d.notUnderInvestigation()) {
            reasons.add(Ineligibility.UNDER_INVESTIGATION);
        }
        if (!d.noIntentionalOffencePenalty()) {
            reasons.add(Ineligibility.INTENTIONAL_OFFENCE_PENALTY);
        }
        if (!d.notOnDrugRegister()) {
            reasons.add(Ineligibility.ON_DRUG_REGISTER);
        }
        if (!d.notOnPsychiatricRegister()) {
            reasons.add(Ineligibility.ON_PSYCHIATRIC_REGISTER);
        }
        return reasons;
    }

    /**
     * @param onRegistry the registry's answer, empty while there is none (not asked yet, or it did not answer)
     */
    public static Verdict decide(LocalDate birthDate, LocalDate appliedOn, Declared declared, Optional<Boolean> onRegistry) {
        List<Ineligibility> reasons = withoutRegistry(birthDate, appliedOn, declared);
        if (!reasons.isEmpty()) {
            return new Verdict(AssistantStatus.INELIGIBLE, List.copyOf(reasons));
        }
        if (onRegistry.isEmpty()) {
            return new Verdict(AssistantStatus.PENDING_CHECK, List.of());
        }
        return onRegistry.get() ? new Verdict(AssistantStatus.INELIGIBLE, List.of(Ineligibility.ON_PREVENTIVE_REGISTRY))
                : new Verdict(AssistantStatus.ELIGIBLE, List.of());
    }
}
