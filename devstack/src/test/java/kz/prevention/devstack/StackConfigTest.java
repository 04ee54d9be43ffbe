package kz.prevention.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void serviceJavaOptionsAreSplitIntoSeparateArguments() {
        StackConfig config = StackConfig.fromEnvironment(Path.of("."),
                Map.of("SERVICE_JAVA_OPTS", "  -XX:NativeMemoryTracking=summary \t -XX:StartFlightRecording=duration=60s "));
        assertEquals(List.of("-XX:NativeMemoryTracking=summary", "-XX:StartFlightRecording=duration=60s"),
                config.serviceJavaOptions());
    }

    @Test
    void noServiceJavaOptionsByDefaultAndIsolatedStacksKeepThem() {
        assertEquals(List.of(), StackConfig.fromEnvironment(Path.of("."), Map.of()).serviceJavaOptions());
        StackConfig isolated = StackConfig.isolated(Path.of("."), Path.of("target/x"), "t_",
                Map.of("SERVICE_JAVA_OPTS", "-Xss1m"));
        assertEquals(List.of("-Xss1m"), isolated.serviceJavaOptions());
    }

    @Test
    void theDevelopersStackTrainsAotCachesUnlessToldNotToAndTestsStacksNever() {
        assertTrue(StackConfig.fromEnvironment(Path.of("."), Map.of()).serviceAotCache());
        assertFalse(StackConfig.fromEnvironment(Path.of("."), Map.of("SERVICE_AOT_CACHE", "false")).serviceAotCache());
        assertFalse(StackConfig.isolated(Path.of("."), Path.of("target/x"), "t_", Map.of()).serviceAotCache());
    }
}
