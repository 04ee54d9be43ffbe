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
 * repository, never in a database): each service's audit MAC key, and the broker's SCRAM
 * passwords (its administrator's and each principal's). On Kubernetes they come from Secrets instead.
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
        if (ownsDatabase) {
            env.put("PREVENTION_AUDIT_KEY", auditKey(stateDir, service));
        }
        if ("reporting-service".equals(service)) {
            env.put("REPORTING_PSEUDONYM_KEY", read(file(stateDir, service + ".pseudonym-key", Base64.getEncoder())));
        }
        return env;
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
