package kz.prevention.commons.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, with one initialised {@code Mac} per thread: {@code Mac.getInstance} looks the
 * algorithm up among the security providers on every call — ~3 % of the registry's worker time on a GET by
 * id, whose audit row is MACed (JFR, docs/benchmarks/platform-analysis.md). {@code doFinal} leaves a Mac
 * ready for the next text under the same key.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public HmacSha256(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance(ALGORITHM);
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The MAC of the text's UTF-8 bytes. */
    public byte[] digest(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    public String hex(String text) {
        return HexFormat.of().formatHex(digest(text));
    }
}
