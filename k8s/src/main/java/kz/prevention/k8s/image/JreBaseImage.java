package kz.prevention.k8s.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;

/**
 * A base image with a Java runtime, made on this machine without pulling anything: {@code jlink}
 * cuts a JRE out of the local JDK, and the shared libraries it needs (glibc, libz, libstdc++ - what
 * {@code ldd} lists) are copied from the machine it runs on, at the same paths. The result is a
 * distroless-like image (no shell, no package manager) that {@link ServiceImage} builds on with
 * {@code tar://}. It is as good as the machine's own libraries: build it on the OS release the JDK
 * was built for (Debian 12 here), and rebuild it when either gets security updates.
 */
public final class JreBaseImage {

    /** What Quarkus services of this platform need (JDBC, JNDI, JMX metrics, SASL/SCRAM, kk/ru locales, JFR). */
    public static final List<String> SERVICE_MODULES = List.of("java.base", "java.compiler", "java.desktop",
            "java.instrument", "java.logging", "java.management", "java.naming", "java.net.http", "java.scripting",
            "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa", "java.xml",
            "jdk.charsets", "jdk.crypto.cryptoki", "jdk.crypto.ec", "jdk.jfr", "jdk.localedata", "jdk.management",
            "jdk.naming.dns", "jdk.net", "jdk.unsupported", "jdk.zipfs");
    public static final AbsoluteUnixPath JAVA_HOME = AbsoluteUnixPath.get("/opt/java");

    private JreBaseImage() {
    }

    /**
     * @param jdk a JDK with jmods (e.g. /usr/lib/jvm/java-17-openjdk-amd64)
     * @param work a scratch folder (the JRE is written to work/jre)
     */
    public static void build(Path jdk, List<String> modules, Path targetTar, Path work) throws Exception {
        build(jdk, modules, true, targetTar, work);
    }

    /** @param compress zip the JRE's modules (a smaller image; jlink takes several times longer) */
    public static void build(Path jdk, List<String> modules, boolean compress, Path targetTar, Path work)
            throws Exception {
        if (!Files.isRegularFile(jdk.resolve("jmods/java.base.jmod"))) {
            throw new IllegalStateException(jdk + " has no jmods/ for jlink: use a full JDK (on Debian also the"
                    + " package openjdk-17-jmods)");
        }
        Path jre = work.resolve("jre");
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=" + (compress ? 2 : 0),
                "--output", jre.toString()));
        FileEntriesLayer.Builder libs = FileEntriesLayer.builder().setName("system-libraries");
        for (Path lib : sharedLibraries(jre)) {
            // Copied as regular files at the path the loader looks for (symlinks resolved).
            libs.addEntry(lib.toRealPath(), AbsoluteUnixPath.get(lib.toString()), permissions(lib.toRealPath()));
        }
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "jboss:x:" + ServiceImage.USER + ":" + ServiceImage.USER + ":jboss:/deployments:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\njboss:x:" + ServiceImage.USER + ":\n");
        libs.addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"));
        libs.addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"));
        Jib.fromScratch()
                .addFileEntriesLayer(libs.build())
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("jre")
                        .addEntryRecursive(jre, JAVA_HOME, (source, inImage) -> permissions(source)).build())
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME.toString(), "PATH", JAVA_HOME + "/bin:/usr/bin:/bin"))
                .containerize(Containerizer.to(TarImage.at(targetTar).named("prevention/jre:17")).setOfflineMode(true)
                        .setBaseImageLayersCache(work.resolve("cache/base"))
                        .setApplicationLayersCache(work.resolve("cache/application"))
                        .setToolName("prevention-k8s"));
    }

    /** As on disk: Jib's default (644) would leave bin/java not executable. */
    private static FilePermissions permissions(Path file) {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every library the JRE's executables and shared objects load, as ldd resolves them here. */
    static Set<Path> sharedLibraries(Path jre) throws Exception {
        List<String> elfs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(jre)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".so") || f.getParent().getFileName().toString().equals("bin"))
                    .forEach(f -> elfs.add(f.toString()));
        }
        List<String> command = new ArrayList<>(List.of("ldd"));
        command.addAll(elfs);
        Set<Path> libs = new TreeSet<>();
        for (String line : run(command).split("\n")) {
            String l = line.strip();
            // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
            String path = l.contains("=> /") ? l.substring(l.indexOf("=> ") + 3, l.lastIndexOf(" (")) :
                    l.startsWith("/") && l.contains(" (") ? l.substring(0, l.indexOf(" (")) : null;
            if (path != null && !path.startsWith(jre.toString()) && !path.contains("/../lib/")) {
                libs.add(Path.of(path));
            }
        }
        if (libs.stream().noneMatch(p -> p.getFileName().toString().startsWith("libc.so"))) {
            throw new IllegalStateException("ldd found no libc for " + jre + ": is this a glibc system with ldd?");
        }
        return libs;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed: " + out);
        }
        return out;
    }

    /** {@code JreBaseImage <jdk> <target.tar>}: the base for {@code ServiceImage ... tar://<target.tar>}. */
    public static void main(String[] args) throws Exception {
        Path jdk = Path.of(args.length > 0 ? args[0] : System.getProperty("java.home"));
        Path target = Path.of(args.length > 1 ? args[1] : "target/jre-base.tar").toAbsolutePath();
        System.out.println("jlink " + jdk + " -> " + target + " ...");
        build(jdk, SERVICE_MODULES, target, Files.createTempDirectory("jre-base"));
        System.out.println("built " + target);
    }
}
