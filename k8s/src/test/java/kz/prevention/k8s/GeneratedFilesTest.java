package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.prevention.k8s.generate.GeneratedFiles;

/**
 * The generated manifests (KafkaTopics and KafkaUsers from the event catalog, the services' base from
 * services.yaml, the realm imports from devstack's realm file) are committed; this test fails when
 * one of them is stale. {@code -Dk8s.regenerate=true} rewrites them instead.
 */
class GeneratedFilesTest {

    @Test
    void committedGeneratedFilesMatchTheirSources() throws IOException {
        Map<String, String> expected = GeneratedFiles.of(Checkout.PLATFORM);
        if (Boolean.getBoolean("k8s.regenerate")) {
            GeneratedFiles.write(Checkout.K8S, expected);
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path path = Checkout.K8S.resolve(file.getKey());
            if (!Files.isRegularFile(path) || !Files.readString(path).equals(file.getValue())) {
                stale.add(file.getKey());
            }
        }
        assertThat(stale)
                .as("generated files out of date with the catalog, services.yaml, environments.yaml or the realm"
                        + " file; run ./mvnw -pl k8s test -Dtest=GeneratedFilesTest -Dk8s.regenerate=true")
                .isEmpty();
    }
}
