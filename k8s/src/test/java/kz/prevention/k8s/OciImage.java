package kz.prevention.k8s;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An image as Jib writes it to a tar: an OCI image layout (index.json → manifest → config and
 * gzipped layers, every blob under blobs/sha256/ by digest). Read back to check what was built.
 */
final class OciImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> blobs = new HashMap<>();
    final JsonNode manifest;
    /** The image configuration's {@code config}: User, Env, Entrypoint, WorkingDir, ExposedPorts. */
    final JsonNode config;

    OciImage(Path tar) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                blobs.put(e.getName(), in.readAllBytes());
            }
        }
        JsonNode index = JSON.readTree(file("index.json"));
        manifest = JSON.readTree(blob(index.get("manifests").get(0).get("digest").asText()));
        config = JSON.readTree(blob(manifest.get("config").get("digest").asText())).get("config");
    }

    /** The paths in each layer, bottom first, without the leading '/'. */
    List<List<String>> layerPaths() throws IOException {
        List<List<String>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("layers")) {
            List<String> paths = new ArrayList<>();
            try (TarArchiveInputStream in = layer(layer)) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    paths.add(e.getName().replaceFirst("^/", ""));
                }
            }
            layers.add(paths);
        }
        return layers;
    }

    /** Unpacks the layers in order into a root file system, with their files' modes. */
    void unpack(Path root) throws IOException {
        for (JsonNode layer : manifest.get("layers")) {
            try (TarArchiveInputStream in = layer(layer)) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    Path target = root.resolve(e.getName().replaceFirst("^/", "")).normalize();
                    if (!target.startsWith(root)) {
                        throw new IllegalStateException("layer entry outside the root: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.write(target, in.readAllBytes());
                        Files.setPosixFilePermissions(target, permissions(e.getMode()));
                    }
                }
            }
        }
    }

    /** The image's environment (config.Env) as a map. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        config.get("Env").forEach(v -> {
            String kv = v.asText();
            env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        });
        return env;
    }

    private TarArchiveInputStream layer(JsonNode layer) throws IOException {
        return new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(blob(layer.get("digest").asText()))));
    }

    private byte[] blob(String digest) {
        return file("blobs/" + digest.replace(':', '/'));
    }

    private byte[] file(String name) {
        byte[] content = blobs.get(name);
        if (content == null) {
            throw new IllegalStateException("no " + name + " in the image tar (has " + blobs.keySet() + ")");
        }
        return content;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ first, OTHERS_EXECUTE last
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
