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
 * repository, never in a database): each service's audit MAC key. On Kubernetes they come from
 * Secrets instead.
 */
public final class Secrets {

    private Secrets() {
    }

    public static String auditKey(Path stateDir, String service) {
        Path file = stateDir.resolve("secrets").resolve(service + ".audit-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // A file system without POSIX permissions keeps the default ones.
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key " + file, e);
        }
    }
}
