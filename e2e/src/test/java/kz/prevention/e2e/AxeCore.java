package kz.prevention.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;

/**
 * axe-core, the accessibility checker: installed by the test from npm into
 * {@code e2e/target/axe-core} when missing (Node.js and npm on the PATH, like Redocly), then added
 * to a browser context as an init script (through the DevTools protocol, so the app's
 * Content-Security-Policy, which allows no inline or foreign script, stays on).
 */
final class AxeCore {

    static final String VERSION = "4.10.3";

    private static String source;

    private AxeCore() {
    }

    /** Makes axe available in every page of the context. */
    static void addTo(com.microsoft.playwright.BrowserContext context) {
        context.addInitScript(script());
    }

    /** The violations axe finds in the page as it is now (WCAG 2.1 A and AA rules and best practices). */
    static JsonNode violations(Page page) {
        String json = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, {"
                + " runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },"
                + " resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))");
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String script() {
        if (source != null) {
            return source;
        }
        Path dir = Path.of("target/axe-core").toAbsolutePath();
        Path file = dir.resolve("node_modules/axe-core/axe.min.js");
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(dir);
                Process p;
                try {
                    p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                            "axe-core@" + VERSION).directory(dir.toFile()).redirectErrorStream(true).start();
                } catch (IOException e) {
                    throw new IllegalStateException("npm is not on the PATH; the accessibility check needs Node.js 20+"
                            + " with npm (Debian: apt-get install nodejs npm)", e);
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(file)) {
                    throw new IllegalStateException("could not install axe-core " + VERSION + " with npm; check access to"
                            + " the npm registry:\n" + out);
                }
            }
            source = Files.readString(file, StandardCharsets.UTF_8);
            return source;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The serious and critical ones, which fail the test. */
    static List<JsonNode> serious(JsonNode violations) {
        List<JsonNode> out = new java.util.ArrayList<>();
        violations.forEach(v -> {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(v);
            }
        });
        return out;
    }
}
