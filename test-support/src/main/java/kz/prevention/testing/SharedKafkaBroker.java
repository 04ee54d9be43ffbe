package kz.prevention.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


/**
 * One real Kafka broker for a whole Maven run, shared by the test JVMs of every module.
 *
 * <p>The first JVM that needs a broker starts devstack's {@code KafkaBrokerMain} as its own
 * process (the broker jars are not on the services' classpath: they need kafka-clients 4.4.0,
 * the services 4.1.2) and records it under {@code target/test-kafka/}; later JVMs find it
 * there and reuse it. Every JVM touches a lease file while it runs; when nobody has renewed
 * the lease for {@value #LEASE_SECONDS} s, the broker stops itself and deletes its data.
 * Set {@code KAFKA_BOOTSTRAP_SERVERS} to use an already running broker (e.g. devstack's).
 */
public final class SharedKafkaBroker {

    static final int LEASE_SECONDS = 120;
    private static String bootstrap;
    private static ScheduledExecutorService leaseRenewer;

    private SharedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrap != null) {
            return bootstrap;
        }
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            bootstrap = external;
            return bootstrap;
        }
        Path state = ProjectRoot.get().resolve("target/test-kafka");
        try {
            Files.createDirectories(state);
            try (FileChannel channel = FileChannel.open(state.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Path lease = state.resolve("lease");
                touch(lease);
                bootstrap = reuse(state).orElseGet(() -> start(state, lease));
                renewLease(lease);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the test Kafka broker in " + state, e);
        }
        return bootstrap;
    }

    private static java.util.Optional<String> reuse(Path state) throws IOException {
        Path file = state.resolve("broker.properties");
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        long pid = Long.parseLong(p.getProperty("pid", "-1"));
        int port = Integer.parseInt(p.getProperty("port", "-1"));
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (alive && Ports.answers("127.0.0.1", port)) {
            return java.util.Optional.of("127.0.0.1:" + port);
        }
        return java.util.Optional.empty();
    }

    private static String start(Path state, Path lease) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(Ports.free(), Ports.free(),
                state.resolve("data-" + UUID.randomUUID()), state.resolve("broker.log"),
                List.of("--lease", lease.toString(), Integer.toString(LEASE_SECONDS)));
        long pid = broker.start();
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("port", broker.bootstrapServers().substring(broker.bootstrapServers().indexOf(':') + 1));
        try (var w = Files.newBufferedWriter(state.resolve("broker.properties"))) {
            p.store(w, "the test broker shared by this Maven run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broker.bootstrapServers();
    }

    private static void renewLease(Path lease) {
        if (leaseRenewer != null) {
            return;
        }
        leaseRenewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-kafka-lease");
            t.setDaemon(true);
            return t;
        });
        leaseRenewer.scheduleAtFixedRate(() -> touch(lease), 5, 5, TimeUnit.SECONDS);
    }

    private static void touch(Path lease) {
        try {
            if (!Files.exists(lease)) {
                Files.createFile(lease);
            }
            Files.setLastModifiedTime(lease, FileTime.from(Instant.now()));
        } catch (IOException e) {
            System.err.println("could not renew the test broker's lease " + lease + ": " + e.getMessage());
        }
    }

}
