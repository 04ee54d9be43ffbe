package kz.prevention.devstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * Runs one Apache Kafka broker in KRaft mode in this JVM.
 *
 * <p>Usage: {@code KafkaBrokerMain <port> <controller-port> <data-dir> [--lease <file> <seconds>]
 * [--secure <admin-password-file>]}
 *
 * <p>The broker's server.properties are written next to the data folder at every start; the
 * storage is formatted on first start. With {@code --lease}, the broker serves test
 * JVMs that share it across a Maven run: each touches the lease file while it runs, and when
 * nobody has touched it for the given seconds the broker shuts down and deletes its data, so
 * a test run leaves nothing behind even though no single JVM owns the broker. With
 * {@code --secure}, the broker requires SASL and ACLs ({@link BrokerProperties#secured}); the
 * administrator's password is read from a file, never from the command line (which {@code ps} shows).
 */
public final class KafkaBrokerMain {

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path lease = null;
        Duration leaseTimeout = null;
        String adminPassword = null;
        boolean usage = args.length < 3;
        for (int i = 3; i < args.length && !usage; i++) {
            if ("--lease".equals(args[i]) && i + 2 < args.length) {
                lease = Path.of(args[++i]);
                leaseTimeout = Duration.ofSeconds(Long.parseLong(args[++i]));
            } else if ("--secure".equals(args[i]) && i + 1 < args.length) {
                adminPassword = Files.readString(Path.of(args[++i])).strip();
            } else {
                usage = true;
            }
        }
        if (usage) {
            System.err.println("usage: KafkaBrokerMain <port> <controller-port> <data-dir> [--lease <file> <seconds>]"
                    + " [--secure <admin-password-file>]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[2]).toAbsolutePath();
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Properties props = adminPassword == null ? BrokerProperties.of(port, controllerPort, dataDir)
                : BrokerProperties.secured(port, controllerPort, dataDir, adminPassword);
        Path configFile = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
        BrokerProperties.write(configFile, props);
        try {
            formatIfNeeded(configFile, dataDir, adminPassword);
        } finally {
            if (adminPassword != null) {
                // The file held the administrator's password; the running broker has it in memory.
                Files.deleteIfExists(configFile);
            }
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(server);
            server.awaitShutdown();
        }, "kafka-shutdown"));
        server.startup();
        System.out.println("Kafka broker ready: " + props.getProperty("listeners"));

        boolean leased = lease != null;
        if (leased) {
            watchLease(lease, leaseTimeout, server);
        }
        server.awaitShutdown();
        if (leased) {
            // Only a leased (test) broker is disposable; devstack's broker keeps its data.
            deleteRecursively(dataDir);
            Files.deleteIfExists(configFile);
        }
    }

    private static void formatIfNeeded(Path configFile, Path dataDir, String adminPassword) throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(dataDir);
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.List<String> format = new java.util.ArrayList<>(
                java.util.List.of("format", "-t", clusterId, "-c", configFile.toString()));
        if (adminPassword != null) {
            // The administrator's SCRAM credential is in the metadata from the first start, so the
            // broker's own inter-broker login works before anyone could create it.
            format.addAll(java.util.List.of("--add-scram", BrokerProperties.MECHANISM + "=[name=" + BrokerProperties.ADMIN
                    + ",password=" + adminPassword + "]"));
        }
        int rc = StorageTool.execute(format.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.println(out.toString(StandardCharsets.UTF_8).trim());
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed with code " + rc);
        }
    }

    private static void watchLease(Path lease, Duration timeout, KafkaRaftServer server) {
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(2000);
                    FileTime touched = Files.getLastModifiedTime(lease);
                    if (Duration.between(touched.toInstant(), Instant.now()).compareTo(timeout) > 0) {
                        System.out.println("lease " + lease + " not renewed for " + timeout.toSeconds()
                                + " s: shutting down and deleting the data");
                        stop(server);
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException leaseGone) {
                    System.out.println("lease file " + lease + " is gone: shutting down and deleting the data");
                    stop(server);
                    return;
                }
            }
        }, "lease-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void stop(KafkaRaftServer server) {
        if (STOPPING.compareAndSet(false, true)) {
            server.shutdown();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
