package kz.prevention.commons.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the token says: a user or an integration's service account, its realm
 * roles, the subject of prevention it works for ({@code agency}) and its territory
 * ({@code region}, a KATO code). Every scoping decision in the services starts here.
 */
@RequestScoped
public class Caller {

    /** Why the caller accesses personal data; recorded in the audit log with every access. */
    public static final String PURPOSE_HEADER = "X-Purpose";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final HttpHeaders headers;

    @Inject
    public Caller(SecurityIdentity identity, JsonWebToken token, HttpHeaders headers) {
        this.identity = identity;
        this.token = token;
        this.headers = headers;
    }

    public Optional<String> purpose() {
        String value;
        try {
            value = headers.getHeaderString(PURPOSE_HEADER);
        } catch (RuntimeException outsideAnHttpRequest) {
            return Optional.empty();
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        return Optional.of(trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed);
    }

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(token.<String>getClaim("agency")).filter(s -> !s.isBlank());
    }

    public Optional<String> region() {
        return Optional.ofNullable(token.<String>getClaim("region")).filter(s -> !s.isBlank());
    }

    public String clientId() {
        return token.getClaim("azp");
    }
}
