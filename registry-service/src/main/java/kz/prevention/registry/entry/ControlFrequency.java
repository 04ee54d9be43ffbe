package kz.prevention.registry.entry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How often an entry's person must be checked, as the individual-measures catalog says for the
 * measure the entry rests on (Order 163): protective orders and special requirements weekly,
 * official warnings twice a month, administrative supervision by risk level.
 */
public enum ControlFrequency {
    WEEKLY,
    TWICE_MONTHLY,
    MONTHLY,
    BY_RISK_LEVEL,
    NONE;

    /** The next control date after {@code from}; empty when the measure needs no control visits. */
    public Optional<LocalDate> next(LocalDate from, ControlFrequency riskLevelFrequency) {
        return switch (this) {
            case WEEKLY -> Optional.of(from.plusDays(7));
            case TWICE_MONTHLY -> Optional.of(from.plusDays(15));
            case MONTHLY -> Optional.of(from.plusMonths(1));
            case NONE -> Optional.empty();
            // Until the individual plan sets a risk level, the strictest rhythm applies.
            case BY_RISK_LEVEL -> (riskLevelFrequency == null || riskLevelFrequency == BY_RISK_LEVEL
                    ? WEEKLY : riskLevelFrequency).next(from, null);
        };
    }

    public static ControlFrequency of(String code) {
        return code == null ? NONE : valueOf(code);
    }
}
