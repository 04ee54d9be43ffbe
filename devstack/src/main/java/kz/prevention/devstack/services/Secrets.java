package kz.prevention.devstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets devstack makes once per platform and keeps in its state folder (never in the
 * repository, never in a database): each service's audit MAC key, the broker's SCRAM
 * passwords (its administrator's and each principal's), and the Keycloak client secret of a
 * service that calls others with its own service account. On Kubernetes they come from Secrets instead.
 */
public final class Secrets {

    private Secrets() {
    }

    /**
     * A service's own keys as environment variables (the same ones k8s/services.yaml reads from
     * Secrets): the audit MAC key of every service with a database, and reporting-service's key for
     * the analysts' pseudonyms.
     */
    public static java.util.Map<String, String> serviceKeys(Path stateDir, String service, boolean ownsDatabase) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        if (CLIENT_CREDENTIALS.contains(service)) {
            // The same variable k8s/services.yaml fills from the Secret <service>-oidc.
            env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", clientSecret(stateDir, service));
        }
        if (ownsDatabase) {
            env.put("PREVENTION_AUDIT_KEY", auditKey(stateDir, service));
        }
        if ("reporting-service".equals(service)) {
            env.put("REPORTING_PSEUDONYM_KEY", read(file(stateDir, service + ".pseudonym-key", Base64.getEncoder())));
        }
        return env;
    }

    /**
     * The services that get tokens of their own by client credentials (commission-service asks the
     * registry's narrow IIN check, measures-service its person summary for an executing
     * organisation); their Keycloak clients' secrets are made here and put into the realm devstack
     * imports, instead of the development value the realm file carries.
     */
    public static final java.util.Set<String> CLIENT_CREDENTIALS = java.util.Set.of("commission-service",
            "measures-service");

    public static String clientSecret(Path stateDir, String client) {
        return read(file(stateDir, client + ".oidc-secret", Base64.getUrlEncoder().withoutPadding()));
    }

    /** The realm file with each such client's {@code "secret"} replaced by the one made for this platform. */
    public static String realmWithClientSecrets(String realmJson, Path stateDir) {
        String out = realmJson;
        for (String client : CLIENT_CREDENTIALS) {
            String placeholder = "\"secret\": \"" + client + "-secret\"";
            if (!out.contains(placeholder)) {
                throw new IllegalStateException("the realm file has no client " + client + " with secret " + client + "-secret");
            }
            out = out.replace(placeholder, "\"secret\": \"" + clientSecret(stateDir, client) + "\"");
        }
        return out;
    }

    public static String auditKey(Path stateDir, String service) {
        return read(file(stateDir, service + ".audit-key", Base64.getEncoder()));
    }

    /** The SCRAM password of a Kafka principal (a service, the analysts, or the broker's administrator). */
    public static String kafkaPassword(Path stateDir, String principal) {
        return read(kafkaPasswordFile(stateDir, principal));
    }

    /** The file holding a Kafka principal's password (made on first use), for a process that reads it itself. */
    public static Path kafkaPasswordFile(Path stateDir, String principal) {
        // URL-safe without padding: the password goes into JAAS lines and SCRAM formats unquoted.
        return file(stateDir, principal + ".kafka-password", Base64.getUrlEncoder().withoutPadding());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret " + file, e);
        }
    }

    private static Path file(Path stateDir, String name, Base64.Encoder encoding) {
        Path file = stateDir.resolve("secrets").resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, encoding.encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // A file system without POSIX permissions keeps the default ones.
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the secret " + file, e);
        }
    }
}
