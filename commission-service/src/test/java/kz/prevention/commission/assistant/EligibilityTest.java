package kz.prevention.commission.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The eligibility rules of Art. 45 without the application: age, the declared checks, the registry's answer. */
class EligibilityTest {

    private static final LocalDate APPLIED = LocalDate.of(2026, 11, 26);
    private static final Eligibility.Declared CLEAR = new Eligibility.Declared(true, true, true, true);

    @Test
    void anAdultWithClearChecksWaitsForTheRegistryThenIsEligible() {
        LocalDate born = LocalDate.of(1990, 5, 1);
        assertThat(Eligibility.decide(born, APPLIED, CLEAR, Optional.empty()).status()).isEqualTo(AssistantStatus.PENDING_CHECK);
        assertThat(Eligibility.decide(born, APPLIED, CLEAR, Optional.empty()).needsRegistry()).isTrue();
        assertThat(Eligibility.decide(born, APPLIED, CLEAR, Optional.of(false)).status()).isEqualTo(AssistantStatus.ELIGIBLE);
    }

    @Test
    void eighteenOnTheApplicationDayIsAnAdultTheDayBeforeIsNot() {
        assertThat(Eligibility.withoutRegistry(APPLIED.minusYears(18), APPLIED, CLEAR)).isEmpty();
        assertThat(Eligibility.withoutRegistry(APPLIED.minusYears(18).plusDays(1), APPLIED, CLEAR))
                .containsExactly(Ineligibility.MINOR);
    }

    @Test
    void eachDeclaredCheckThatFoundSomethingIsAReason() {
        LocalDate born = LocalDate.of(1980, 1, 1);
        assertThat(Eligibility.withoutRegistry(born, APPLIED, new Eligibility.Declared(false, true, true, true)))
                .containsExactly(Ineligibility.UNDER_INVESTIGATION);
        assertThat(Eligibility.withoutRegistry(born, APPLIED, new Eligibility.Declared(true, false, true, true)))
                .containsExactly(Ineligibility.INTENTIONAL_OFFENCE_PENALTY);
        assertThat(Eligibility.withoutRegistry(born, APPLIED, new Eligibility.Declared(true, true, false, false)))
                .containsExactly(Ineligibility.ON_DRUG_REGISTER, Ineligibility.ON_PSYCHIATRIC_REGISTER);
    }

    @Test
    void anIneligibleApplicantNeedsNoRegistryAnswer() {
        Eligibility.Verdict v = Eligibility.decide(APPLIED.minusYears(16), APPLIED, new Eligibility.Declared(false, true, true, true),
                Optional.empty());
        assertThat(v.status()).isEqualTo(AssistantStatus.INELIGIBLE);
        assertThat(v.needsRegistry()).isFalse();
        assertThat(v.reasons()).containsExactly(Ineligibility.MINOR, Ineligibility.UNDER_INVESTIGATION);
    }

    @Test
    void onThePreventiveRegistryIsIneligible() {
        Eligibility.Verdict v = Eligibility.decide(LocalDate.of(1985, 3, 3), APPLIED, CLEAR, Optional.of(true));
        assertThat(v.status()).isEqualTo(AssistantStatus.INELIGIBLE);
        assertThat(v.reasons()).containsExactly(Ineligibility.ON_PREVENTIVE_REGISTRY);
    }
}
