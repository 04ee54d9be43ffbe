package kz.prevention.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Chromium the browser tests drive: {@code CHROMIUM_PATH} when set, else Debian's
 * {@code /usr/bin/chromium}. On a machine without it, the test installs Debian's package itself when
 * it runs as root with apt-get (printing apt's progress); otherwise it fails saying what to
 * install. It never skips.
 */
final class Chromium {

    static final Path DEBIAN = Path.of("/usr/bin/chromium");

    /** Flags for a headless run in a container: no sandbox (root), no GPU, no calls home at start. */
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Chromium() {
    }

    static synchronized Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("CHROMIUM_PATH=" + configured + " is not an executable file");
            }
            return path;
        }
        if (Files.isExecutable(DEBIAN)) {
            return DEBIAN;
        }
        Path aptGet = Path.of("/usr/bin/apt-get");
        if (!isRoot() || !Files.isExecutable(aptGet)) {
            throw new IllegalStateException("The browser tests need Chromium and " + DEBIAN + " is missing. Install it"
                    + " (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium),"
                    + " or set CHROMIUM_PATH to a Chromium or Chrome executable.");
        }
        System.out.println("[chromium] " + DEBIAN + " is missing: installing Debian's chromium package (once per machine)");
        run(List.of(aptGet.toString(), "update"));
        run(List.of(aptGet.toString(), "install", "-y", "--no-install-recommends", "chromium"));
        if (!Files.isExecutable(DEBIAN)) {
            throw new IllegalStateException("apt-get installed chromium but " + DEBIAN + " is still missing");
        }
        return DEBIAN;
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && "0".equals(out);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command) {
        String line = String.join(" ", command);
        System.out.println("[chromium] $ " + line);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    System.out.println("[chromium] " + l);
                }
            }
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(line + " did not finish in 20 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(line + " failed (exit " + p.exitValue() + "); install chromium by hand"
                        + " (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(line + " interrupted", e);
        }
    }
}
