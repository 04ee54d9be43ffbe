package kz.prevention.commission.assistant;

/** Why a citizen may not be a public assistant (Art. 45); codes, so no personal detail is echoed. */
public enum Ineligibility {
    /** Under 18 on the application's date (from the IIN's birth date). */
    MINOR,
    UNDER_INVESTIGATION,
    /** Penalised by a court for an intentional offense within the last year. */
    INTENTIONAL_OFFENCE_PENALTY,
    ON_DRUG_REGISTER,
    ON_PSYCHIATRIC_REGISTER,
    /** The preventive registry's narrow IIN check answered "on the registry". */
    ON_PREVENTIVE_REGISTRY
}
