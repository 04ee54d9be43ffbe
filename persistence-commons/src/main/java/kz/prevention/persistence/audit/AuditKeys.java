package kz.prevention.persistence.audit;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.commons.crypto.HmacSha256;

/**
 * The keys that sign audit rows, seals and checkpoints (HMAC-SHA256). They live outside the
 * database: whoever owns the database can change rows, but cannot make a MAC that verifies.
 */
@ApplicationScoped
public class AuditKeys {

    private final String currentId;
    private final Map<String, HmacSha256> keys = new HashMap<>();

    @Inject
    public AuditKeys(AuditConfig config) {
        this.currentId = config.keyId();
        byte[] current = decode(config.key().orElseThrow(() -> new IllegalStateException(
                "prevention.audit.key is not set: the audit log needs a MAC key outside the database (base64, 32+ bytes;"
                        + " e.g. `openssl rand -base64 32`, given as PREVENTION_AUDIT_KEY)")), currentId);
        keys.put(currentId, new HmacSha256(current));
        config.previousKeys().ifPresent(list -> {
            for (String pair : list.split(",")) {
                int colon = pair.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("prevention.audit.previous-keys: expected id:base64 pairs");
                }
                String id = pair.substring(0, colon).strip();
                keys.put(id, new HmacSha256(decode(pair.substring(colon + 1).strip(), id)));
            }
        });
    }

    public String currentId() {
        return currentId;
    }

    public String mac(String text) {
        return mac(currentId, text);
    }

    /** The MAC under a named key; null when the key is unknown (the row then cannot verify). */
    public String mac(String keyId, String text) {
        HmacSha256 key = keys.get(keyId);
        return key == null ? null : key.hex(text);
    }

    private static byte[] decode(String base64, String id) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("audit key " + id + " is not valid base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException("audit key " + id + " has " + key.length + " bytes; at least 32 are needed");
        }
        return key;
    }
}
