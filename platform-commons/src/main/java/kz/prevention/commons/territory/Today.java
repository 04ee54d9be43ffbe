package kz.prevention.commons.territory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Today's date in Kazakhstan, the one every legal deadline counts from (one time zone, UTC+5,
 * since March 2024); {@code prevention.zone} changes it.
 */
@ApplicationScoped
public class Today {

    private final Clock clock;

    @Inject
    public Today(@ConfigProperty(name = "prevention.zone", defaultValue = "Asia/Almaty") ZoneId zone) {
        this.clock = Clock.system(zone);
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
