package kz.prevention.registry.config;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Today's date in Kazakhstan, the one every registry deadline counts from. */
@ApplicationScoped
public class Today {

    private final Clock clock;

    @Inject
    public Today(RegistryConfig config) {
        this.clock = Clock.system(config.zone());
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
