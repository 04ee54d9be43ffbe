package kz.prevention.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The web app's backend-for-frontend settings (login itself is quarkus-oidc's tenant {@code bff}). */
@ConfigMapping(prefix = "gateway.bff")
public interface BffConfig {

    /** Mark the CSRF cookie Secure (the session cookie follows quarkus.oidc.bff.authentication.cookie-force-secure). */
    @WithName("secure-cookies")
    @WithDefault("false")
    boolean secureCookies();

    /** Where a user lands after signing in when no (same-site) return path was given. */
    @WithName("home")
    @WithDefault("/app/")
    String home();
}
