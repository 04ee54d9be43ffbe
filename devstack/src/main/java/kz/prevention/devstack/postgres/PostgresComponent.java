package kz.prevention.devstack.postgres;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.prevention.devstack.StackConfig;
import kz.prevention.devstack.process.Console;
import kz.prevention.devstack.process.Ports;
import kz.prevention.devstack.process.ProcessRegistry;

/**
 * The stack's PostgreSQL: the server answering at PG_HOST:PG_PORT when there is one,
 * otherwise an embedded server that devstack starts and owns.
 */
public final class PostgresComponent {

    public static final String NAME = "postgres";

    private final StackConfig config;
    private final ProcessRegistry processes;
    private final Console console;

    public PostgresComponent(StackConfig config, ProcessRegistry processes, Console console) {
        this.config = config;
        this.processes = processes;
        this.console = console;
    }

    public boolean answers() {
        return Ports.isOpen(config.pgHost(), config.pgPort());
    }

    public boolean embedded() {
        return processes.running(NAME).isPresent();
    }

    public void ensureRunning(List<String> classpath) {
        if (answers()) {
            console.step(NAME, (embedded() ? "embedded server" : "server") + " answers at "
                    + config.pgHost() + ":" + config.pgPort());
            return;
        }
        if (!isLoopback(config.pgHost())) {
            throw new IllegalStateException("nothing answers at PG_HOST=" + config.pgHost() + " PG_PORT=" + config.pgPort()
                    + "; start that server, or unset PG_HOST to let devstack run an embedded one");
        }
        Path dataDir = config.stateDir().resolve("postgres-data");
        console.step(NAME, "no server at " + config.pgHost() + ":" + config.pgPort()
                + ", starting an embedded one (data in " + dataDir + ")");
        // 256 MB: on its first start zonky unpacks the PostgreSQL binaries' archive in the heap (64 MB
        // ran out of memory on a fresh machine); afterwards the process only watches the server.
        var handle = processes.start(NAME, List.of(javaBin(), "-Xmx256m", "-Dprevention.devstack=" + NAME,
                "-cp", String.join(":", classpath), EmbeddedPostgresMain.class.getName(),
                Integer.toString(config.pgPort()), dataDir.toString()), Map.of(), config.root());
        if (!console.await(NAME, "port " + config.pgPort(), Duration.ofSeconds(90), this::answers, handle::isAlive)) {
            throw new IllegalStateException("embedded PostgreSQL did not start; see " + processes.logFile(NAME));
        }
        console.step(NAME, "embedded server ready");
    }

    public void stop() {
        if (processes.stop(NAME, Duration.ofSeconds(20))) {
            console.step(NAME, "embedded server stopped");
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }
}
