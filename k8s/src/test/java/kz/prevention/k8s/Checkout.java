package kz.prevention.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

import kz.prevention.k8s.model.Platform;

/** Where the tests find the checkout (Surefire passes prevention.root) and the loaded platform. */
final class Checkout {

    static final Path ROOT = root();
    static final Path K8S = ROOT.resolve("k8s");
    static final Platform PLATFORM = Platform.load(ROOT);

    private Checkout() {
    }

    static String readme() {
        try {
            return Files.readString(K8S.resolve("README.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path root() {
        String configured = System.getProperty("prevention.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        if (!Files.isDirectory(root.resolve("k8s")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("cannot find the checkout's root (k8s/ and pom.xml) at " + root.toAbsolutePath()
                    + ": run the tests through Maven, which passes -Dprevention.root");
        }
        return root.toAbsolutePath().normalize();
    }
}
