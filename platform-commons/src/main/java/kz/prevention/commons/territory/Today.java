package kz.prevention.commons.territory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Today's date in Kazakhstan, the one every legal deadline counts from (one time zone, UTC+5,
 * since March 2024); {@code prevention.zone} changes it.
 *
 * <p>{@code prevention.date-offset} moves the date a whole number of days ahead. It exists for
 * rehearsals of what happens when deadlines pass (the end-to-end test restarts commission-service
 * with it to let an instruction fall overdue): deadlines are weeks long and cannot pass within a
 * test. It is never set in production — the Kubernetes manifests do not carry it, and a service
 * started with it says so in a WARN line at start.
 */
@ApplicationScoped
public class Today {

    private static final Logger LOG = Logger.getLogger(Today.class);

    private final Clock clock;
    private final Period offset;

    @Inject
    public Today(@ConfigProperty(name = "prevention.zone", defaultValue = "Asia/Almaty") ZoneId zone,
            @ConfigProperty(name = "prevention.date-offset", defaultValue = "P0D") Period offset) {
        this(Clock.system(zone), offset);
        if (!offset.isZero()) {
            LOG.warnf("prevention.date-offset=%s: every date this service counts from is moved by it (rehearsal only)", offset);
        }
    }

    /** Today in a zone, with no offset (tests that build the rules without CDI). */
    public Today(ZoneId zone) {
        this(Clock.system(zone), Period.ZERO);
    }

    Today(Clock clock, Period offset) {
        if (offset.isNegative() || offset.getYears() != 0 || offset.getMonths() != 0) {
            throw new IllegalArgumentException("prevention.date-offset must be a non-negative number of days (e.g. P40D), not " + offset);
        }
        this.clock = clock;
        this.offset = offset;
    }

    public LocalDate date() {
        return LocalDate.now(clock).plus(offset);
    }
}
