package kz.prevention.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root folder, whichever module a test runs in. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path get() {
        String configured = System.getProperty("prevention.root");
        if (configured != null && !configured.isBlank() && Files.exists(Path.of(configured, "platform"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("platform")) && Files.exists(dir.resolve("devstack"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (the folder holding ./platform) above "
                + Path.of("").toAbsolutePath() + "; run the tests through Maven from the checkout");
    }
}
