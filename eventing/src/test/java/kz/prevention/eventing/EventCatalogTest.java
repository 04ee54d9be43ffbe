package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.prevention.eventing.catalog.AsyncApiDocument;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;

/** The platform's own event catalog (main resources only, without the test ledger's). */
class EventCatalogTest {

    private static final Set<String> SERVICES = Set.of("registry-service", "measures-service", "commission-service",
            "reporting-service");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void everyEventTypeIsNamedVersionedAndOwnedByAService() throws Exception {
        EventCatalog catalog = mainCatalog();

        for (EventSpec e : catalog.events()) {
            assertThat(e.type()).matches("kz\\.prevention\\.(registry|measures|commission|reporting)\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(SERVICES).contains(e.owner());
            assertThat(e.type()).contains("." + e.owner().replace("-service", "") + ".");
            assertThat(catalog.topic(e.topic())).isPresent();
            assertThat(catalog.topic(e.topic()).get().owner()).isEqualTo(e.owner());
            assertThat(catalog.schemaDocument(e.type()).path("$schema").asText())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(e.description()).isNotBlank();
        }
        catalog.topics().forEach(t -> assertThat(SERVICES).contains(t.owner()));
    }

    @Test
    void aTypeMissingFromTheCatalogIsAViolation() throws Exception {
        assertThat(mainCatalog().violations("kz.prevention.registry.entry.invented.v1", MAPPER.createObjectNode()))
                .containsExactly("type kz.prevention.registry.entry.invented.v1 is not in the event catalog");
    }

    /**
     * docs/events/asyncapi.json is what readers of the repository see; it must be what the
     * services serve. Regenerate it with {@code ./mvnw -pl eventing test -Dupdate-docs=true}.
     */
    @Test
    void theCommittedAsyncApiDocumentMatchesTheCatalog() throws Exception {
        ObjectNode generated = AsyncApiDocument.generate(mainCatalog(), MAPPER);
        Path committed = Path.of(System.getProperty("prevention.root", "..")).resolve("docs/events/asyncapi.json");
        String text = MAPPER.writeValueAsString(generated) + "\n";
        if (Boolean.getBoolean("update-docs")) {
            Files.writeString(committed, text);
        }
        assertThat(Files.exists(committed)).as(committed + " exists (run with -Dupdate-docs=true)").isTrue();
        assertThat(Files.readString(committed)).as("docs/events/asyncapi.json is stale: run "
                + "./mvnw -pl eventing test -Dtest=EventCatalogTest -Dupdate-docs=true").isEqualTo(text);
    }

    /** The catalog of the main resources only; classes (the payload records) come from the test's class path. */
    static EventCatalog mainCatalog() throws Exception {
        return catalogAt(Path.of("target/classes"));
    }

    /** The catalog in {@code root}/eventing alone; payload classes come from the test's class path. */
    static EventCatalog catalogAt(Path root) throws Exception {
        URL mainResources = root.toAbsolutePath().toUri().toURL();
        try (URLClassLoader resources = new URLClassLoader(new URL[] {mainResources}, null)) {
            ClassLoader loader = new ClassLoader(EventCatalogTest.class.getClassLoader()) {
                @Override
                public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
                    return resources.getResources(name);
                }

                @Override
                public java.io.InputStream getResourceAsStream(String name) {
                    return resources.getResourceAsStream(name);
                }
            };
            return EventCatalog.load(loader, MAPPER);
        }
    }
}
