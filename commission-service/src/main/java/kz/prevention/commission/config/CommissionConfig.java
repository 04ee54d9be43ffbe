package kz.prevention.commission.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * commission-service settings ({@code commission.*}); each can be set by environment variable
 * (COMMISSION_...). The voting defaults and agenda kinds are dated reference files, not settings.
 */
@ConfigMapping(prefix = "commission")
public interface CommissionConfig {

    /** When the deadline monitor looks for open instructions past their deadline (Quartz-style cron). */
    @WithDefault("0 15 * * * ?")
    String overdueCron();

    /** When the six-monthly assessment is looked for (daily; it is proposed once per half-year). */
    @WithDefault("0 0 2 * * ?")
    String assessmentCron();
}
