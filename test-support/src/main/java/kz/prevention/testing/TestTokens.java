package kz.prevention.testing;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real RS256-signed access tokens shaped like the prevention realm's: realm roles under
 * {@code realm_access.roles}, the {@code agency}, {@code region} (and {@code unit}, {@code organisation})
 * claims, and — as a token the realm gives a client that asked for the service's scope — the audience
 * of the service under test only (the first of its {@code quarkus.oidc.token.audience}, where each
 * service names itself). The services under test verify them with the matching public key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test.prevention.kz/realms/prevention";

    private String username = "test.user";
    private final List<String> roles = new ArrayList<>();
    private String agency;
    private String region;
    private String unit;
    private String organisation;
    private String issuer = ISSUER;
    private Set<String> audiences;
    private Instant expiresAt = Instant.now().plusSeconds(3600);
    private PrivateKey key;

    private TestTokens() {
    }

    public static TestTokens user(String username) {
        TestTokens t = new TestTokens();
        t.username = username;
        return t;
    }

    public static String officer(String region) {
        return user("officer." + region).roles("registry-officer").agency("POLICE").region(region).sign();
    }

    /** A police officer who also keeps minors' records. */
    public static String juvenile(String region) {
        return user("juvenile." + region).roles("registry-officer", "juvenile-inspector").agency("POLICE").region(region)
                .sign();
    }

    /** The prosecutor's oversight: the whole republic, read-only. */
    public static String supervisor() {
        return user("supervisor.kz").roles("supervisor").agency("PROSECUTOR").region("000000000").sign();
    }

    /**
     * The authorised head of the police body of the territory (one-man management): approves its
     * removals, extensions and transfers; also an officer (adults) and juvenile inspector (minors),
     * so it sees what it decides on.
     */
    public static String head(String region) {
        return user("head." + region).roles("authorised-head", "registry-officer", "juvenile-inspector").agency("POLICE")
                .region(region).unit(region).sign();
    }

    /** An executor of the agency in the region, for no organisation (it sees no organisation's measures). */
    public static String executor(String agency, String region) {
        return user("executor." + agency + "." + region).roles("measures-executor").agency(agency).region(region).sign();
    }

    /** An executor working for the organisation (BIN) of the agency, in the region. */
    public static String executor(String agency, String region, String organisation) {
        return user("executor." + organisation + "." + region).roles("measures-executor").agency(agency).region(region)
                .organisation(organisation).sign();
    }

    /** A user with only this role, of the Government, in the region. */
    public static String role(String role, String region) {
        return user(role + "." + region).roles(role).agency("GOV").region(region).sign();
    }

    public TestTokens roles(String... names) {
        roles.addAll(List.of(names));
        return this;
    }

    public TestTokens agency(String code) {
        this.agency = code;
        return this;
    }

    public TestTokens region(String kato) {
        this.region = kato;
        return this;
    }

    /** The unit an authorised head heads (a KATO code). */
    public TestTokens unit(String kato) {
        this.unit = kato;
        return this;
    }

    /** The organisation (BIN) an executor works for. */
    public TestTokens organisation(String bin) {
        this.organisation = bin;
        return this;
    }

    public TestTokens issuer(String iss) {
        this.issuer = iss;
        return this;
    }

    public TestTokens audiences(Set<String> aud) {
        this.audiences = aud;
        return this;
    }

    public TestTokens expiresAt(Instant when) {
        this.expiresAt = when;
        return this;
    }

    public TestTokens signedWith(PrivateKey other) {
        this.key = other;
        return this;
    }

    /**
     * The audience of the service under test: the first value of its {@code quarkus.oidc.token.audience}
     * (registry-service's is {@code registry-service}, the gateway's {@code gateway}); none where the
     * application under test checks no audience.
     */
    static Set<String> audienceUnderTest() {
        return ConfigProvider.getConfig().getOptionalValues("quarkus.oidc.token.audience", String.class)
                .map(audiences -> Set.of(audiences.get(0))).orElse(Set.of());
    }

    public String sign() {
        Map<String, Object> realmAccess = new LinkedHashMap<>();
        realmAccess.put("roles", List.copyOf(roles));
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(expiresAt)
                .claim("typ", "Bearer")
                .claim("azp", "cli")
                .claim("preferred_username", username)
                .claim("realm_access", realmAccess);
        Set<String> aud = audiences != null ? audiences : audienceUnderTest();
        if (!aud.isEmpty()) {
            claims.audience(aud);
        }
        if (agency != null) {
            claims.claim("agency", agency);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        if (unit != null) {
            claims.claim("unit", unit);
        }
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        return claims.jws().keyId("test-key").sign(key != null ? key : TestKeys.privateKey());
    }
}
