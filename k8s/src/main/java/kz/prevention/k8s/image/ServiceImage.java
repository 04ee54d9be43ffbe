package kz.prevention.k8s.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;

/**
 * Builds a service's OCI image from its Quarkus build ({@code target/quarkus-app}: the fast-jar layout,
 * which the services' aot-jar packaging keeps) with Jib's core library: no Docker daemon. Layers go
 * from the least to the most often changed - dependencies, the Quarkus runtime's generated classes,
 * the application - so a code change pushes one small layer.
 * The container runs as user 185 (non-root, as the Deployments require) from {@code /deployments},
 * whose root file system the Deployments mount read-only (the JVM writes only to /tmp).
 *
 * <p>Base and target are written as Jib writes image references: {@code registry://name:tag} or
 * {@code tar:///path/to/image.tar}.
 */
public final class ServiceImage {

    public static final String USER = "185";
    public static final AbsoluteUnixPath HOME = AbsoluteUnixPath.get("/deployments");

    private ServiceImage() {
    }

    /**
     * @param quarkusApp a service's {@code target/quarkus-app}
     * @param port the port the service listens on (services.yaml)
     * @param base an image with a Java 17 runtime on the PATH
     * @param target where the image goes
     * @param cache Jib's layer cache (base and application layers)
     */
    public static JibContainer build(Path quarkusApp, int port, String base, String target, Path cache)
            throws Exception {
        if (!Files.isRegularFile(quarkusApp.resolve("quarkus-run.jar"))) {
            throw new IllegalArgumentException(quarkusApp + " is not a Quarkus fast-jar (no quarkus-run.jar):"
                    + " run ./mvnw package -DskipTests for the service first");
        }
        JibContainerBuilder image = Jib.from(base)
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .addFileEntriesLayer(layer("dependencies", quarkusApp, "lib"))
                .addFileEntriesLayer(layer("quarkus", quarkusApp, "quarkus"))
                .addFileEntriesLayer(application(quarkusApp))
                .setUser(USER)
                .setWorkingDirectory(HOME)
                .setExposedPorts(Port.tcp(port))
                .setEnvironment(Map.of("LANG", "C.UTF-8"))
                .setEntrypoint(List.of("java", "-jar", HOME.resolve("quarkus-run.jar").toString()));
        Containerizer containerizer = containerizer(target)
                .setBaseImageLayersCache(cache.resolve("base"))
                .setApplicationLayersCache(cache.resolve("application"))
                .setOfflineMode(base.startsWith(Jib.TAR_IMAGE_PREFIX))
                .setToolName("prevention-k8s");
        return image.containerize(containerizer);
    }

    private static FileEntriesLayer layer(String name, Path quarkusApp, String dir) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        if (Files.isDirectory(quarkusApp.resolve(dir))) {
            layer.addEntryRecursive(quarkusApp.resolve(dir), HOME.resolve(dir));
        }
        return layer.build();
    }

    private static FileEntriesLayer application(Path quarkusApp) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("application");
        layer.addEntry(quarkusApp.resolve("quarkus-run.jar"), HOME.resolve("quarkus-run.jar"));
        if (Files.isDirectory(quarkusApp.resolve("app"))) {
            layer.addEntryRecursive(quarkusApp.resolve("app"), HOME.resolve("app"));
        }
        return layer.build();
    }

    private static Containerizer containerizer(String target) throws Exception {
        if (target.startsWith(Jib.TAR_IMAGE_PREFIX)) {
            String path = target.substring(Jib.TAR_IMAGE_PREFIX.length());
            return Containerizer.to(TarImage.at(Path.of(path)).named("prevention/" + Path.of(path).getFileName()
                    .toString().replaceFirst("\\.tar$", "") + ":local"));
        }
        if (target.startsWith(Jib.REGISTRY_IMAGE_PREFIX)) {
            ImageReference ref = ImageReference.parse(target.substring(Jib.REGISTRY_IMAGE_PREFIX.length()));
            CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(ref, event -> {
            });
            return Containerizer.to(RegistryImage.named(ref).addCredentialRetriever(credentials.dockerConfig())
                    .addCredentialRetriever(credentials.wellKnownCredentialHelpers()));
        }
        throw new IllegalArgumentException("target must be registry://name:tag or tar:///path.tar, not " + target);
    }

    /**
     * {@code ServiceImage <service> <base> <target>}, run anywhere inside the checkout (e.g. by
     * {@code ./mvnw -pl k8s compile exec:java}): reads the service's port from k8s/services.yaml and its
     * build from &lt;service&gt;/target/quarkus-app.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ServiceImage <service> <base: registry://image:tag | tar:///base.tar>"
                    + " <target: registry://image:tag | tar:///image.tar>");
            System.exit(2);
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("k8s/services.yaml"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("run inside the checkout: no k8s/services.yaml above " + Path.of("").toAbsolutePath());
        }
        var platform = kz.prevention.k8s.model.Platform.load(root);
        var service = platform.service(args[0]).orElseThrow(
                () -> new IllegalArgumentException(args[0] + " is not a service of k8s/services.yaml"));
        System.out.println("building " + args[0] + " from " + args[1] + " to " + args[2] + " ...");
        JibContainer built = build(root.resolve(args[0]).resolve("target/quarkus-app"), service.port(), args[1],
                args[2], Path.of(System.getProperty("user.home"), ".cache", "prevention-jib"));
        System.out.println("built " + built.getTargetImage() + " " + built.getDigest());
    }
}
