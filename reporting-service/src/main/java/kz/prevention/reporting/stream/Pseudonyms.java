package kz.prevention.reporting.stream;

import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kz.prevention.commons.crypto.HmacSha256;

/**
 * Keyed pseudonyms for the analysts' stream: HMAC-SHA256 of the kind and the id under a secret
 * key that is not in any database nor in the stream ({@code reporting.pseudonym.key}, base64, at
 * least 32 bytes), named by {@code reporting.pseudonym.key-id}. Without the key a pseudonym cannot be
 * computed from an id, so whoever knows a person's registry id still cannot find them in the
 * stream; rotating the key (a new id) starts new pseudonyms, cutting long-term linkage.
 */
@ApplicationScoped
public class Pseudonyms {

    private final HmacSha256 key;
    private final String keyId;

    @Inject
    public Pseudonyms(@ConfigProperty(name = "reporting.pseudonym.key") String key,
            @ConfigProperty(name = "reporting.pseudonym.key-id", defaultValue = "p1") String keyId) {
        byte[] bytes = Base64.getDecoder().decode(key);
        if (bytes.length < 32) {
            throw new IllegalStateException("reporting.pseudonym.key must be at least 32 bytes (base64)");
        }
        this.key = new HmacSha256(bytes);
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }

    public String person(UUID id) {
        return of("person", id);
    }

    public String entry(UUID id) {
        return id == null ? null : of("entry", id);
    }

    public String measure(UUID id) {
        return of("measure", id);
    }

    private String of(String kind, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.digest(kind + ":" + id));
    }
}
