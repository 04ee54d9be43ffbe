package kz.prevention.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.prevention.devstack.process.Console;
import kz.prevention.devstack.services.JvmFlags;

/**
 * The {@code ./platform} command: {@code up}, {@code down}, {@code status}, {@code jvm-flags}, {@code restart}
 * ({@code logs} is handled by the shell script, which can follow files itself).
 */
public final class Platform {

    private Platform() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        Path root = Path.of(System.getProperty("prevention.root", ".")).toAbsolutePath().normalize();
        Console console = new Console();
        int rc;
        try {
            StackConfig config = StackConfig.fromEnvironment(root, System.getenv());
            Stack stack = new Stack(config, console);
            rc = switch (command) {
                case "up" -> up(stack, console);
                case "down" -> down(stack, console);
                case "status" -> status(stack);
                case "jvm-flags" -> jvmFlags(stack);
                case "restart" -> restart(stack, args.length > 1 ? args[1] : null);
                case "service-java" -> {
                    System.out.println(kz.prevention.devstack.services.ServiceJvm.of(stack.config()).java());
                    yield 0;
                }
                default -> help();
            };
        } catch (Exception e) {
            System.err.println();
            System.err.println("platform " + command + " failed: " + e.getMessage());
            System.err.println("Logs are in .platform/logs/ (./platform logs <component>); `./platform status` shows what runs.");
            rc = 1;
        }
        System.exit(rc);
    }

    private static int up(Stack stack, Console console) throws Exception {
        console.step("platform", "starting (state in " + stack.config().stateDir() + ")");
        stack.up();
        System.out.println();
        new Summary(stack.config()).print(System.out);
        System.out.printf("%nAll components are up after %d s. Stop everything with: ./platform down%n",
                console.elapsedSeconds());
        return 0;
    }

    private static int down(Stack stack, Console console) {
        stack.down();
        console.step("platform", "stopped; nothing devstack started is running");
        return 0;
    }

    /** The flags devstack starts every service with, one line, so a benchmark can start its ceiling the same way. */
    private static int jvmFlags(Stack stack) {
        List<String> flags = new ArrayList<>(JvmFlags.forService(stack.config().serviceHeapMb()));
        flags.addAll(stack.config().serviceJavaOptions());
        System.out.println(String.join(" ", flags));
        return 0;
    }

    /**
     * Stops one service and starts it alone while the rest keeps running, and says how long it took
     * from launching its JVM to being ready — the start time a benchmark reports ("started alone on a
     * warm machine"); starting everything at once on two cores measures the queue for the CPU instead.
     */
    private static int restart(Stack stack, String service) {
        if (service == null) {
            System.err.println("usage: ./platform restart <service>, one of " + stack.config().services().stream()
                    .map(s -> s.name()).toList());
            return 2;
        }
        long t0 = System.nanoTime();
        double ready = stack.restart(service, java.util.Map.of());
        System.out.printf("%s ready %.2f s after its JVM was launched (stopping and preparing included: %.2f s)%n",
                service, ready, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private static int status(Stack stack) {
        System.out.printf("%-20s %-8s %-6s %s%n", "COMPONENT", "PID", "PORT", "HEALTH");
        for (Stack.ComponentStatus s : stack.status()) {
            System.out.printf("%-20s %-8s %-6d %s%n", s.component(), s.pid() == null ? "-" : s.pid(), s.port(), s.health());
        }
        return stack.allHealthy() ? 0 : 3;
    }

    private static int help() {
        System.out.println("""
                usage: ./platform <command>
                  up       build what is missing, start everything, wait until healthy, print URLs and logins
                  down     stop everything devstack started
                  status   each component's PID, port and health (exit 0 only when all are UP)
                  logs [component] [-f]   show (or follow) the logs in .platform/logs/
                  restart <service>       stop one service and start it alone; prints its time to ready
                  service-java            the java binary the services run on (for benchmarks)
                """);
        return 2;
    }
}
