package kz.prevention.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the registry, {@code registry.*}. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    // Order 163's deadlines (the term-ending notice, a transfer's file, ...) are not configuration:
    // reference-data's order-163-deadlines catalog over the working-day calendar.

    /** Similarity (0–1) of normalised names with the same birth date above which a person may be a duplicate. */
    @WithDefault("0.8")
    double duplicateSimilarity();

    /** When the deadline monitor runs (Quarkus cron). */
    @WithDefault("0 30 1 * * ?")
    String monitorCron();
}
