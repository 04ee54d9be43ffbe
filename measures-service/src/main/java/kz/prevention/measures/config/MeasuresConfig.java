package kz.prevention.measures.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** measures-service settings ({@code measures.*}); each can be set by environment variable (MEASURES_...). */
@ConfigMapping(prefix = "measures")
public interface MeasuresConfig {

    /** When the overdue monitor runs (Quartz-style cron, the service's zone). */
    @WithDefault("0 5 * * * ?")
    String overdueCron();

    /** Longest a planner may set a measure's term when the catalog names no maximum (days). */
    @WithDefault("1825")
    int maxTermDays();
}
