package kz.prevention.devstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import kz.prevention.devstack.StackConfig;
import kz.prevention.devstack.postgres.PostgresProvisioner;
import kz.prevention.devstack.process.Console;
import kz.prevention.devstack.process.HttpProbe;
import kz.prevention.devstack.process.Ports;
import kz.prevention.devstack.process.ProcessRegistry;
import kz.prevention.devstack.services.Secrets;

/**
 * Keycloak from its Maven Central distribution, in production mode on the stack's PostgreSQL,
 * realm {@code prevention} imported from {@code devstack/keycloak/prevention-realm.json}.
 *
 * <p>Keycloak's {@code --import-realm} skips a realm that already exists, so a changed realm
 * file would silently not apply; devstack remembers the file's hash and, when it changed,
 * recreates Keycloak's database before starting it.
 */
public final class KeycloakComponent {

    public static final String NAME = "keycloak";
    public static final String VERSION = "26.7.3";
    private static final String BUILD_OPTIONS = "build --db=postgres --health-enabled=true";

    private final StackConfig config;
    private final ProcessRegistry processes;
    private final Console console;
    private final PostgresProvisioner postgres;

    public KeycloakComponent(StackConfig config, ProcessRegistry processes, Console console, PostgresProvisioner postgres) {
        this.config = config;
        this.processes = processes;
        this.console = console;
        this.postgres = postgres;
    }

    public boolean running() {
        return processes.running(NAME).isPresent();
    }

    public void start() throws IOException, SQLException, InterruptedException {
        if (running()) {
            console.step(NAME, "already running (pid " + processes.running(NAME).get().pid() + ")");
            return;
        }
        for (int port : List.of(config.keycloakPort(), config.keycloakManagementPort())) {
            if (Ports.isOpen("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " is taken by a process devstack did not start;"
                        + " stop it or set KEYCLOAK_PORT / KEYCLOAK_MANAGEMENT_PORT");
            }
        }
        Path javaHome = JdkFinder.find(config.keycloakJavaHome());
        int major = JdkFinder.majorVersion(javaHome);
        if (major < 21) {
            console.step(NAME, "warning: running on Java " + major + " (Keycloak supports 21+); set KEYCLOAK_JAVA_HOME");
        }
        Path home = install();
        build(home, javaHome);
        importRealm(home);
        console.step(NAME, "starting on " + config.keycloakUrl() + " (Java " + major + ")");
        processes.start(NAME, List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=" + config.jdbcUrl("keycloak"),
                "--db-username=" + PostgresProvisioner.roleFor("keycloak"),
                "--db-password=" + PostgresProvisioner.passwordFor("keycloak"),
                "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + config.keycloakPort(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--hostname=" + config.keycloakUrl(),
                "--cache=local", "--import-realm"), env(javaHome), home);
    }

    public void awaitReady() {
        boolean ok = console.await(NAME, "health/ready", Duration.ofMinutes(4), this::healthy, this::running);
        if (!ok) {
            throw new IllegalStateException("Keycloak did not become ready; see " + processes.logFile(NAME));
        }
        console.step(NAME, "ready");
    }

    public boolean healthy() {
        return HttpProbe.ok("http://127.0.0.1:" + config.keycloakManagementPort() + "/health/ready");
    }

    public void stop() {
        if (processes.stop(NAME, Duration.ofSeconds(30))) {
            console.step(NAME, "stopped");
        }
    }

    private Map<String, String> env(Path javaHome) {
        return Map.of(
                "JAVA_HOME", javaHome.toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "JAVA_OPTS_APPEND", "-Dprevention.devstack=" + NAME,
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    }

    private Path install() throws IOException {
        Path base = config.stateDir().resolve("keycloak");
        Path home = base.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = config.root().resolve("devstack/target/dist/keycloak-quarkus-dist.zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing; build devstack first: ./mvnw -pl devstack package");
        }
        console.step(NAME, "unpacking Keycloak " + VERSION + " into " + base);
        Files.createDirectories(base);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = base.resolve(e.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (e.getName().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        return home;
    }

    private void build(Path home, Path javaHome) throws IOException, InterruptedException {
        Path marker = home.resolve(".devstack-build");
        if (Files.exists(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
            return;
        }
        console.step(NAME, "building an optimized server (once, about a minute) ...");
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "build",
                "--db=postgres", "--health-enabled=true"))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(processes.logFile(NAME).toFile()));
        Files.createDirectories(processes.logFile(NAME).getParent());
        pb.environment().putAll(env(javaHome));
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + rc + "); see " + processes.logFile(NAME));
        }
        Files.writeString(marker, BUILD_OPTIONS);
    }

    private void importRealm(Path home) throws IOException, SQLException {
        Path realm = config.root().resolve("devstack/keycloak/prevention-realm.json");
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Path imported = importDir.resolve("prevention-realm.json");
        Files.writeString(imported, Secrets.realmWithClientSecrets(withGatewayPort(Files.readString(realm)), config.stateDir()));
        Path hashFile = config.stateDir().resolve("keycloak/realm.sha256");
        String hash = sha256(imported);
        String previous = Files.exists(hashFile) ? Files.readString(hashFile).trim() : null;
        if (previous != null && !previous.equals(hash)) {
            console.step(NAME, "realm file changed since the last start: recreating Keycloak's database");
            postgres.recreate("keycloak");
        }
        Files.writeString(hashFile, hash);
    }

    /**
     * The realm file names the gateway's login redirect and sign-out addresses on port 8080; a stack
     * whose gateway listens elsewhere (GATEWAY_PORT, or an isolated test stack on free ports) gets
     * them on its own port, so Keycloak accepts the gateway's redirect_uri.
     */
    String withGatewayPort(String realmJson) {
        int port = config.service("gateway").port();
        return port == 8080 ? realmJson
                : realmJson.replace("//127.0.0.1:8080/", "//127.0.0.1:" + port + "/")
                        .replace("//localhost:8080/", "//localhost:" + port + "/");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
