package kz.prevention.commons.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text (its UTF-8 bytes), in hex, with one digest per thread: {@code MessageDigest.getInstance}
 * looks the algorithm up among the security providers on every call, and the token memory hashes every
 * bearer token on the event loop.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private Sha256() {
    }

    public static String hex(String text) {
        return HexFormat.of().formatHex(DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
