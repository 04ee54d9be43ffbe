package kz.prevention.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.prevention.devstack.services.AotCache;

class AotCacheTest {

    @TempDir
    Path dir;

    @Test
    void trainsWithoutACacheUsesOneNewerThanTheBuildAndTrainsAgainAfterARebuild() throws Exception {
        Path app = Files.createDirectories(dir.resolve("quarkus-app"));
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "v1");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        AotCache cache = new AotCache(dir.resolve("state"), "registry-service", app);
        List<String> flags = List.of("-Xmx96m");

        String training = cache.flags("/jdk/bin/java", flags).get(0);
        assertTrue(training.startsWith("-XX:AOTCacheOutput="), training);
        Path file = Path.of(training.substring("-XX:AOTCacheOutput=".length()));

        Files.writeString(file, "cache"); // what the JVM writes as the training run stops
        assertEquals("-XX:AOTCache=" + file, cache.flags("/jdk/bin/java", flags).get(0));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // rebuilt
        assertTrue(cache.flags("/jdk/bin/java", flags).get(0).startsWith("-XX:AOTCacheOutput="));
        assertFalse(Files.exists(file), "the stale cache is deleted");
    }

    @Test
    void anotherJvmCommandLineHasItsOwnCache() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "v1");
        AotCache cache = new AotCache(dir.resolve("state"), "gateway", app);
        assertNotEquals(cache.flags("/jdk/bin/java", List.of("-Xmx96m")), cache.flags("/jdk/bin/java", List.of("-Xmx128m")));
    }
}
