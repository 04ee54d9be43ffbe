package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.prevention.k8s.image.JreBaseImage;
import kz.prevention.k8s.image.ServiceImage;

/**
 * An image that runs, built with nothing pulled: a jlink'ed JRE with the machine's own libraries as
 * the base, an application on top (ServiceImage), then the image's layers unpacked into a root file
 * system and its entrypoint started there (chroot, a fresh /proc, as user 185) - the same file system
 * a container runtime would give it. The JRE here has java.base only, to keep the test quick; the
 * services' base uses JreBaseImage.SERVICE_MODULES.
 */
class JreBaseImageTest {

    @TempDir
    Path dir;

    @Test
    void theImageRunsItsEntrypointAsUser185WithOnlyWhatItCarries() throws Exception {
        Path base = dir.resolve("jre-base.tar");
        JreBaseImage.build(Path.of(System.getProperty("java.home")), List.of("java.base"), false, base,
                dir.resolve("work"));
        Path image = dir.resolve("smoke.tar");
        ServiceImage.build(smokeApp(), 8080, "tar://" + base, "tar://" + image, dir.resolve("cache"));

        Path root = dir.resolve("rootfs");
        OciImage built = new OciImage(image);
        built.unpack(root);
        Map<String, String> env = built.environment();
        Files.createDirectories(root.resolve("proc"));
        // As root (CI, these machines) the entrypoint runs as the image's user 185; elsewhere in an
        // unprivileged user namespace, where only the caller's own uid exists (mapped to root).
        boolean asRoot = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        List<String> command = new ArrayList<>(List.of(tool("unshare"), "--mount", "--pid", "--fork",
                "--mount-proc=" + root.resolve("proc")));
        if (!asRoot) {
            command.add("--map-root-user");
        }
        command.add(tool("chroot"));
        if (asRoot) {
            command.add("--userspec=185:185");
        }
        command.add(root.toString());
        command.addAll(List.of("java", "-jar", "/deployments/quarkus-run.jar"));
        ProcessBuilder run = new ProcessBuilder(command).redirectErrorStream(true);
        run.environment().clear();
        run.environment().putAll(env);
        Process p = run.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).as("output of the image's entrypoint")
                .contains("running as " + (asRoot ? "jboss" : "root") + " on Java 17", "from /opt/java");
        assertThat(p.exitValue()).isZero();
    }

    /** util-linux's unshare and coreutils' chroot, wherever this machine has them. */
    private static String tool(String name) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        throw new IllegalStateException(name + " not found in /usr/bin, /usr/sbin, /bin or /sbin");
    }

    /** A Quarkus-shaped application whose quarkus-run.jar runs ImageSmoke. */
    private Path smokeApp() throws IOException {
        Path app = Files.createDirectories(dir.resolve("quarkus-app"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ImageSmoke.class.getName());
        String classFile = ImageSmoke.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app.resolve("quarkus-run.jar")), manifest);
                InputStream bytes = ImageSmoke.class.getClassLoader().getResourceAsStream(classFile)) {
            jar.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(jar);
        }
        return app;
    }
}
