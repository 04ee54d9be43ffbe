package kz.prevention.commons.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;

/**
 * Who is calling, as the token says: a user or an integration's service account, its realm
 * roles, the subject of prevention it works for ({@code agency}) and its territory
 * ({@code region}, a KATO code), for an executor the organisation it works for ({@code organisation},
 * a BIN), and for an authorised head the unit it heads ({@code unit}, the
 * KATO code of the division whose decisions it takes). Every scoping decision in the services
 * starts here.
 */
@RequestScoped
public class Caller {

    /**
     * Why the caller accesses personal data; recorded in the audit log with every access. HTTP
     * header values are Latin-1, so Kazakh or Russian text is sent percent-encoded as UTF-8
     * ({@code X-Purpose: %D0%BF%D1%80...}) and decoded here.
     */
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
        String text = decodePercent(value.strip());
        return Optional.of(text.length() > 500 ? text.substring(0, 500) : text);
    }

    static String decodePercent(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            // '+' is literal in a header, not a space as in a form.
            return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return value;
        }
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

    /**
     * The organisation an executor works for ({@code organisation}, its BIN): a measure is assigned
     * to one organisation of its executing agency, and only that organisation's executors see it.
     */
    public Optional<String> organisation() {
        return Optional.ofNullable(token.<String>getClaim("organisation")).filter(s -> !s.isBlank());
    }

    /**
     * The unit an authorised head heads (one-man management, Law No. 380-IV Art. 4): the KATO code
     * of the division whose removals, extensions and transfers it approves; empty for everyone else.
     */
    public Optional<String> unit() {
        return Optional.ofNullable(token.<String>getClaim("unit")).filter(s -> !s.isBlank());
    }

    /**
     * The KATO prefix of the caller's territory (its {@code region} claim); a 403 problem when the
     * token has no valid region, since nothing territorial may then be shown.
     */
    public String territoryPrefix() {
        String code = region().filter(KatoScope::isCode).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "the token has no valid 'region' claim; ask the realm administrator to set it"));
        return KatoScope.prefix(code);
    }

    public String clientId() {
        return token.getClaim("azp");
    }
}
