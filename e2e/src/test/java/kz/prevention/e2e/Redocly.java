package kz.prevention.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly CLI, the OpenAPI linter integrators are likely to run: installed by the test itself
 * from npm into {@code e2e/target/redocly} when missing (Node.js and npm must be on the PATH),
 * then run with its {@code recommended} ruleset.
 */
final class Redocly {

    static final String VERSION = "2.77.0";

    private Redocly() {
    }

    /** What {@code redocly lint} said about one document. */
    record Result(int exitCode, String output) {
    }

    static Result lint(Path document) throws IOException, InterruptedException {
        Path cli = install();
        return run(List.of(cli.toString(), "lint", "--extends=recommended", "--format=stylish", document.toString()),
                document.getParent(), 180);
    }

    private static synchronized Path install() throws IOException, InterruptedException {
        Path dir = Path.of("target/redocly").toAbsolutePath();
        Path cli = dir.resolve("node_modules/.bin/redocly");
        if (Files.isExecutable(cli)) {
            return cli;
        }
        Files.createDirectories(dir);
        Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                "@redocly/cli@" + VERSION), dir, 600);
        if (npm.exitCode() != 0 || !Files.isExecutable(cli)) {
            throw new IllegalStateException("could not install @redocly/cli " + VERSION + " with npm (exit "
                    + npm.exitCode() + "); install Node.js 20+ with npm, or check access to the npm registry:\n"
                    + npm.output());
        }
        return cli;
    }

    private static Result run(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not on the PATH; the OpenAPI lint needs Node.js 20+"
                    + " with npm (Debian: apt-get install nodejs npm)", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
