package kz.prevention.gateway.proxy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import kz.prevention.commons.security.TokenMemory;
import kz.prevention.gateway.limit.ClientKey;

/**
 * Bearer tokens the gateway has verified, remembered by their SHA-256 until they expire, so a system
 * sending the same token hundreds of times pays for one signature check, not one per request
 * (docs/benchmarks/gateway.md: verifying tokens was 45 % of the gateway's CPU). Only accepted tokens
 * are remembered, and only the rate-limit key they map to; the service behind verifies every token
 * itself, so nothing here decides access to data. A token signed with a key Keycloak rotates out stays
 * accepted here until it expires (the realm's access tokens live 5 minutes). Written here because
 * quarkus-oidc caches introspection and UserInfo answers, not local JWT verification.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final int MAX_TOKENS = 100_000;

    private final TokenMemory<ClientKey> memory = new TokenMemory<>(MAX_TOKENS);
    private final Counter hits;
    private final Counter verifications;

    public VerifiedTokens(MeterRegistry registry) {
        this.hits = Counter.builder("gateway.tokens.remembered").description("requests admitted by a token verified before")
                .register(registry);
        this.verifications = Counter.builder("gateway.tokens.verified").description("bearer tokens verified and remembered")
                .register(registry);
    }

    /** The rate-limit key of a token verified before and not yet expired. */
    public Optional<ClientKey> lookup(String token) {
        Optional<ClientKey> client = memory.get(token);
        client.ifPresent(c -> hits.increment());
        return client;
    }

    /** Remembers a token quarkus-oidc has just accepted, until its {@code exp}; a token without one is not kept. */
    public void remember(String token, SecurityIdentity identity, ClientKey client) {
        if (memory.remember(token, identity, () -> client)) {
            verifications.increment();
        }
    }
}
