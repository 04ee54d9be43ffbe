package kz.prevention.devstack.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * server.properties of a single-node KRaft broker (broker and controller in one process).
 *
 * <p>The replication settings are not optional on one node: with the defaults (3) the
 * internal offsets and transaction topics are never created and consumer groups never join.
 */
public final class BrokerProperties {

    private BrokerProperties() {
    }

    public static Properties of(int port, int controllerPort, Path dataDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toAbsolutePath().toString());
        // Topics are declared by the platform and created explicitly; a typo must not make a new one.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.hours", "168");
        return p;
    }

    public static void write(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            properties.store(w, "written by devstack; regenerated at every start");
        }
    }
}
