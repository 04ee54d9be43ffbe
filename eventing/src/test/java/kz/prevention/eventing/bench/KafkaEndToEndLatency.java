package kz.prevention.eventing.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.prevention.testing.ProjectRoot;

/** Runs Kafka's own org.apache.kafka.tools.EndToEndLatency against a broker, as a reference. */
final class KafkaEndToEndLatency {

    record Result(double avgMs, double p50Ms, double p99Ms, double p999Ms, String raw) {
    }

    private KafkaEndToEndLatency() {
    }

    static Result run(String bootstrap, String topic, int records, int recordSize) throws IOException, InterruptedException {
        Path root = ProjectRoot.get();
        String cp = root.resolve("devstack/target/classes") + File.pathSeparator
                + Files.readString(root.resolve("devstack/target/devstack.classpath")).trim();
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlog4j2.configurationFile=log4j2.properties", "-cp", cp, "org.apache.kafka.tools.EndToEndLatency",
                "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Integer.toString(records),
                "--producer-acks", "all", "--record-size", Integer.toString(recordSize)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("EndToEndLatency failed:\n" + out);
        }
        Matcher avg = Pattern.compile("Avg latency: ([0-9.]+) ms").matcher(out);
        Matcher pct = Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)").matcher(out);
        if (!avg.find() || !pct.find()) {
            throw new IllegalStateException("unexpected EndToEndLatency output:\n" + out);
        }
        return new Result(Double.parseDouble(avg.group(1)), Double.parseDouble(pct.group(1)),
                Double.parseDouble(pct.group(2)), Double.parseDouble(pct.group(3)), out.trim());
    }
}
