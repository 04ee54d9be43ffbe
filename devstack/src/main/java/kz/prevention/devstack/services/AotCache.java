package kz.prevention.devstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's ahead-of-time cache (JDK 25+, JEP 483/514/515: classes loaded and linked, method
 * profiles). The services are packaged as Quarkus {@code aot-jar} (every jar on the JVM's class path),
 * so their own classes are in it linked, not only the JDK's: side by side, the registry started alone in
 * 3.3–3.9 s from it and in 4.9–5.1 s from a cache of the fast-jar (where Quarkus' class loader defines
 * the classes); ~5.8 s without one (docs/benchmarks/platform-analysis.md). The first start after a
 * build is the training run: the JVM records what it loads and compiles while it serves, and writes
 * the cache when it stops (a child JVM assembles it; ~10–25 s on two cores, so a stop waits longer
 * then). Later starts map the cache. The cache belongs to one build and one JVM command line: its file
 * name carries a digest of the java binary and the flags, and a cache older than any file of the
 * application is deleted and trained again — the JVM would refuse it anyway, silently starting without.
 */
public final class AotCache {

    /** The first JDK with {@code -XX:AOTCacheOutput} (one-step training). */
    public static final int MIN_JDK = 25;
    private static final String TRAINING = "-XX:AOTCacheOutput=";

    private final Path dir;
    private final String service;
    private final Path app;

    public AotCache(Path stateDir, String service, Path appDir) {
        this.dir = stateDir.resolve("aot");
        this.service = service;
        this.app = appDir;
    }

    /** The flag that uses the cache, or the one that trains it when there is none for this build and command. */
    public List<String> flags(String java, List<String> jvmFlags) {
        Path file = dir.resolve(service + "-" + digest(java, jvmFlags) + ".aot");
        try {
            if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(newest(app)) > 0) {
                return List.of("-XX:AOTCache=" + file);
            }
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, service + "-*")) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
            return List.of(TRAINING + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether a running service is a training run (it writes its cache as it stops). */
    public static boolean training(ProcessHandle process) {
        return process.info().arguments().map(args -> trains(Arrays.asList(args))).orElse(false);
    }

    /** Whether a JVM command line (or the flags {@link #flags} gave) makes a training run. */
    public static boolean trains(List<String> args) {
        return args.stream().anyMatch(a -> a.startsWith(TRAINING));
    }

    private static FileTime newest(Path app) throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    private static String digest(String java, List<String> flags) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(java.getBytes(StandardCharsets.UTF_8));
            for (String f : flags) {
                sha.update((byte) 0);
                sha.update(f.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
