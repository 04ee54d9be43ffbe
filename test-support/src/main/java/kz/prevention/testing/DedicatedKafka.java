package kz.prevention.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A Kafka broker of one test class's own, which the test may stop and start again (same ports,
 * same data) to drill an outage. Its coordinates live in a system property rather than a
 * static field because Quarkus test resources and test classes have different class loaders.
 */
public final class DedicatedKafka {

    private static final String PROPERTY = "prevention.test.dedicated-kafka";

    private DedicatedKafka() {
    }

    /** Starts a broker on free ports and returns its bootstrap servers. */
    static String startNew() {
        Path dir = ProjectRoot.get().resolve("target/test-kafka-dedicated/" + UUID.randomUUID());
        int port = Ports.free();
        int controllerPort = Ports.free();
        KafkaBrokerProcess broker = broker(port, controllerPort, dir);
        long pid = broker.start();
        System.setProperty(PROPERTY, port + "," + controllerPort + "," + dir + "," + pid);
        return broker.bootstrapServers();
    }

    /** Stops the broker gracefully; its data stays for {@link #start()}. */
    public static void stop() {
        String[] c = coordinates();
        KafkaBrokerProcess.stop(Long.parseLong(c[3]));
    }

    /** Starts the stopped broker again on the same ports and data. */
    public static void start() {
        String[] c = coordinates();
        long pid = broker(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Path.of(c[2])).start();
        System.setProperty(PROPERTY, c[0] + "," + c[1] + "," + c[2] + "," + pid);
    }

    static void destroy() {
        if (System.getProperty(PROPERTY) == null) {
            return;
        }
        String[] c = coordinates();
        KafkaBrokerProcess.stop(Long.parseLong(c[3]));
        System.clearProperty(PROPERTY);
        try (Stream<Path> paths = Files.walk(Path.of(c[2]))) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KafkaBrokerProcess broker(int port, int controllerPort, Path dir) {
        return new KafkaBrokerProcess(port, controllerPort, dir.resolve("data"), dir.resolve("broker.log"), List.of());
    }

    private static String[] coordinates() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            throw new IllegalStateException("no dedicated broker: use PlatformTestResource with init arg kafka=dedicated");
        }
        return value.split(",");
    }
}
