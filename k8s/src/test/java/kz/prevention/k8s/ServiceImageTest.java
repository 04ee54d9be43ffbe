package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.Containerizer;

import kz.prevention.k8s.image.ServiceImage;

/**
 * An image built offline, without a daemon, from a base image in a local tar. The base here is a
 * stand-in made by the test (a file where a JRE would be): this shows the layering and the container
 * configuration; JreBaseImageTest shows an image built this way running.
 */
class ServiceImageTest {

    @TempDir
    Path dir;

    @Test
    void aQuarkusAppBecomesANonRootImageOnTopOfALocalBase() throws Exception {
        Path base = dir.resolve("base.tar");
        Path jre = Files.writeString(dir.resolve("java"), "#!/bin/sh\n");
        Jib.fromScratch().addLayer(List.of(jre), AbsoluteUnixPath.get("/opt/java/bin"))
                .containerize(Containerizer.to(TarImage.at(base).named("stand-in/jre:17")).setOfflineMode(true)
                        .setBaseImageLayersCache(dir.resolve("cache/base"))
                        .setApplicationLayersCache(dir.resolve("cache/app")));
        Path app = quarkusApp();
        Path image = dir.resolve("registry-service.tar");

        ServiceImage.build(app, 8081, "tar://" + base, "tar://" + image, dir.resolve("cache"));

        OciImage built = new OciImage(image);
        assertThat(built.manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        JsonNode config = built.config;
        assertThat(config.get("User").asText()).isEqualTo("185");
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(config.get("ExposedPorts").has("8081/tcp")).isTrue();
        assertThat(config.get("Entrypoint").toString()).isEqualTo("[\"java\",\"-jar\",\"/deployments/quarkus-run.jar\"]");
        List<List<String>> layers = built.layerPaths();
        assertThat(layers).hasSize(4);
        assertThat(layers.get(0)).contains("opt/java/bin/java");
        assertThat(layers.get(1)).contains("deployments/lib/main/dependency.jar", "deployments/lib/boot/runner.jar");
        assertThat(layers.get(2)).contains("deployments/quarkus/generated-bytecode.jar");
        assertThat(layers.get(3)).contains("deployments/quarkus-run.jar", "deployments/app/registry-service.jar");
    }

    private Path quarkusApp() throws IOException {
        Path app = dir.resolve("quarkus-app");
        for (String file : List.of("quarkus-run.jar", "app/registry-service.jar", "lib/main/dependency.jar",
                "lib/boot/runner.jar", "quarkus/generated-bytecode.jar")) {
            Path p = app.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, file);
        }
        return app;
    }
}
