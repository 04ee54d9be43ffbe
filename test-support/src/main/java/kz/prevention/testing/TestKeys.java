package kz.prevention.testing;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs test tokens, one per test JVM.
 *
 * <p>Kept in system properties rather than a static field: Quarkus loads test classes and
 * test resources through different class loaders, and both must see the same key.
 */
public final class TestKeys {

    private static final String PRIVATE = "prevention.test.jwt.private-key";
    private static final String PUBLIC = "prevention.test.jwt.public-key";

    private TestKeys() {
    }

    public static synchronized void ensure() {
        if (System.getProperty(PRIVATE) != null) {
            return;
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 X.509 SubjectPublicKeyInfo, the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKeyBase64() {
        ensure();
        return System.getProperty(PUBLIC);
    }

    public static PrivateKey privateKey() {
        ensure();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A different key: tokens signed with it must be rejected. */
    public static PrivateKey foreignPrivateKey() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
