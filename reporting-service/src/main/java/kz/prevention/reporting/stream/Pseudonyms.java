package kz.prevention.reporting.stream;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keyed pseudonyms for the analysts' stream: HMAC-SHA256 of the kind and the id under a secret
 * key that is not in any database nor in the stream ({@code reporting.pseudonym.key}, base64, at
 * least 32 bytes), named by {@code reporting.pseudonym.key-id}. Without the key a pseudonym cannot be
 * computed from an id, so whoever knows a person's registry id still cannot find them in the
 * stream; rotating the key (a new id) starts new pseudonyms, cutting long-term linkage.
 */
@ApplicationScoped
public class Pseudonyms {

    private final byte[] key;
    private final String keyId;

    @Inject
    public Pseudonyms(@ConfigProperty(name = "reporting.pseudonym.key") String key,
            @ConfigProperty(name = "reporting.pseudonym.key-id", defaultValue = "p1") String keyId) {
        this.key = Base64.getDecoder().decode(key);
        if (this.key.length < 32) {
            throw new IllegalStateException("reporting.pseudonym.key must be at least 32 bytes (base64)");
        }
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
