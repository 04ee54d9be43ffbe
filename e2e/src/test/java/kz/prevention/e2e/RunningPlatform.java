package kz.prevention.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import kz.prevention.devstack.Stack;
import kz.prevention.devstack.StackConfig;
import kz.prevention.devstack.process.Console;

/**
 * Starts one isolated platform for all end-to-end tests of the run: every component on a
 * free port, databases named {@code e2e_<random>_...}, state under {@code e2e/target/stack}.
 * It is stopped, and its databases dropped, when the test run ends, so it never meets a
 * developer's running platform.
 */
public final class RunningPlatform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningPlatform.class) {
            if (stack != null) {
                return;
            }
            Path root = root();
            String prefix = "e2e_" + UUID.randomUUID().toString().substring(0, 8) + "_";
            StackConfig config = StackConfig.isolated(root, root.resolve("e2e/target/stack"), prefix, System.getenv());
            stack = new Stack(config, new Console());
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningPlatform.class.getName(), this);
            try {
                stack.up();
            } catch (Exception e) {
                close();
                throw e;
            }
        }
    }

    @Override
    public void close() throws Exception {
        synchronized (RunningPlatform.class) {
            if (stack == null) {
                return;
            }
            try {
                stack.down();
                stack.dropDatabases();
            } finally {
                stack = null;
            }
        }
    }

    public static StackConfig config() {
        if (stack == null) {
            throw new IllegalStateException("the platform is not running; annotate the test with @ExtendWith(RunningPlatform.class)");
        }
        return stack.config();
    }

    /** The secret devstack made for a confidential client of the realm (e.g. commission-service). */
    public static String clientSecret(String clientId) {
        return kz.prevention.devstack.services.Secrets.clientSecret(config().stateDir(), clientId);
    }

    /** Client properties of a principal on the platform's secured broker (a service, "analyst" or "admin"). */
    public static java.util.Map<String, Object> kafkaLogin(String principal) {
        config();
        return stack.kafka().credentials(principal).clientProperties();
    }

    /**
     * Restarts one service with extra environment variables (an empty map restores its usual
     * configuration). A test that changes a service must restore it, in a finally block, since
     * the other end-to-end tests share the platform.
     */
    public static void restart(String service, java.util.Map<String, String> overrides) {
        config();
        stack.restart(service, overrides);
    }

    public static String serviceUrl(String name) {
        return "http://127.0.0.1:" + config().service(name).port();
    }

    private static Path root() {
        String configured = System.getProperty("prevention.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.exists(dir.resolve("platform"))) {
            throw new IllegalStateException("cannot find the project root from " + dir);
        }
        return dir.toAbsolutePath().normalize();
    }
}
