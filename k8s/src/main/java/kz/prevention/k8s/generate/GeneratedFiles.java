package kz.prevention.k8s.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.prevention.k8s.model.Platform;
import kz.prevention.k8s.model.Platform.Environment;
import kz.prevention.k8s.model.ServiceSpec;

/**
 * Every file under k8s/ that code writes, with the content it must have. GeneratedFilesTest compares
 * them with the committed files and, with -Dk8s.regenerate=true, writes them.
 */
public final class GeneratedFiles {

    private GeneratedFiles() {
    }

    /** Paths relative to k8s/, in a stable order. */
    public static Map<String, String> of(Platform platform) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("base/kafka/topics.yaml", KafkaTopics.file(platform.catalog()));
        files.put("base/kafka/users.yaml", KafkaUsers.file(platform.catalog(), platform.services()));
        List<String> resources = new ArrayList<>();
        StringBuilder generators = new StringBuilder();
        for (ServiceSpec s : platform.services()) {
            files.put("base/services/" + s.name() + ".yaml", YamlDocs.write("""
                    %s: %s
                    Generated from k8s/services.yaml and the event catalog by
                    kz.prevention.k8s.generate.ServiceManifests: do not edit.
                    Regenerate: ./mvnw -pl k8s test -Dtest=GeneratedFilesTest -Dk8s.regenerate=true
                    """.formatted(s.name(), s.description()), ServiceManifests.of(platform, s)));
            files.put("base/services/" + s.name() + ".env", ServiceManifests.envFile(platform, s));
            resources.add("  - " + s.name() + ".yaml\n");
            generators.append("  - name: ").append(s.name()).append("-config\n    envs: [").append(s.name())
                    .append(".env]\n");
        }
        files.put("base/services/kustomization.yaml", """
                # Generated from k8s/services.yaml by kz.prevention.k8s.generate.GeneratedFiles: do not edit.
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                %sconfigMapGenerator:
                %s""".formatted(String.join("", resources), generators));
        for (Environment env : platform.environments()) {
            files.put("overlays/" + env.name() + "/realm-import.yaml", RealmImports.file(platform, env));
        }
        return files;
    }

    public static void write(Path k8s, Map<String, String> files) {
        files.forEach((path, content) -> {
            try {
                Path target = k8s.resolve(path);
                Files.createDirectories(target.getParent());
                Files.writeString(target, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
