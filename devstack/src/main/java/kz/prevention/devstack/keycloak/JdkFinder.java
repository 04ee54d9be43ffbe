package kz.prevention.devstack.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK to run Keycloak on: KEYCLOAK_JAVA_HOME when given, otherwise the newest JDK
 * under /usr/lib/jvm (Keycloak 26 supports Java 21+), otherwise the JDK running devstack.
 */
public final class JdkFinder {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JdkFinder() {
    }

    public static Path find(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            if (!Files.isExecutable(explicit.get().resolve("bin/java"))) {
                throw new IllegalStateException("KEYCLOAK_JAVA_HOME=" + explicit.get() + " has no bin/java");
            }
            return explicit.get();
        }
        return newestUnder(Path.of("/usr/lib/jvm")).orElse(Path.of(System.getProperty("java.home")));
    }

    public static int majorVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                Matcher m = VERSION.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Runtime.version().feature();
        }
        return Runtime.version().feature();
    }

    public static Optional<Path> newestUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            List<Path> jdks = homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> Files.exists(h.resolve("release")))
                    .filter(h -> !Files.isSymbolicLink(h))
                    .toList();
            return jdks.stream().max(Comparator.comparingInt(JdkFinder::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
