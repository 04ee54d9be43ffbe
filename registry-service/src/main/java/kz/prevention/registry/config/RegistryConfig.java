package kz.prevention.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the registry, {@code registry.*}. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** Days before a measure's end at which "term ending" is raised (Order 163: extensions are submitted 20 days ahead). */
    @WithDefault("20")
    int termEndingNoticeDays();

    /** Working days within which a transferred file must reach the receiving body (Order 163). */
    @WithDefault("3")
    int transferFileWorkingDays();

    /** Similarity (0–1) of normalised names with the same birth date above which a person may be a duplicate. */
    @WithDefault("0.8")
    double duplicateSimilarity();

    /** When the deadline monitor runs (Quarkus cron). */
    @WithDefault("0 30 1 * * ?")
    String monitorCron();
}
