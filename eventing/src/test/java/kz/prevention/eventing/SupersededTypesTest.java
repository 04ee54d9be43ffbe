package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;
import kz.prevention.eventing.contract.RegistryEvents;

/**
 * A type replaced by a newer version stays readable: its events remain on the topics forever, and a
 * consumer replaying a topic reads them into the successor's record. The catalog refuses a successor
 * that old events could not fill.
 */
class SupersededTypesTest {

    @Test
    void aSupersededTypeIsReadAsItsSuccessorAndIsNoLongerPublished() throws Exception {
        EventCatalog catalog = EventCatalogTest.mainCatalog();

        assertThat(catalog.payloadOf("kz.prevention.registry.entry.registered.v1"))
                .isEqualTo(RegistryEvents.EntryRegistered.class);
        assertThat(catalog.specOf(RegistryEvents.EntryRegistered.class).type())
                .isEqualTo("kz.prevention.registry.entry.registered.v2");
        assertThat(catalog.typesReadAs("kz.prevention.registry.entry.registered.v2"))
                .containsExactly("kz.prevention.registry.entry.registered.v1");
        assertThat(catalog.events()).extracting(EventSpec::type)
                .doesNotContain("kz.prevention.registry.entry.registered.v1");
        assertThat(catalog.supersededEvents()).allSatisfy(s -> assertThat(catalog.event(s.supersededBy())).isPresent());
    }

    @Test
    void aSuccessorRequiringAFieldTheOldTypeLackedIsRefused(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("eventing/schemas"));
        Files.writeString(dir.resolve("old.json"), """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "required":["personId"],"properties":{"personId":{"type":"string","format":"uuid"}}}""");
        Files.writeString(dir.resolve("new.json"), """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "required":["personId","sex","birthYear"],
                 "properties":{"personId":{"type":"string","format":"uuid"},"sex":{"enum":["M","F"]},
                               "birthYear":{"type":"integer"}}}""");
        Files.writeString(root.resolve("eventing/catalog.json"), """
                {"catalogVersion":"t","topics":[{"name":"t.persons","partitions":1,"retentionMs":-1,
                  "cleanupPolicy":"delete","owner":"registry-service","consumers":[],"description":"t"}],
                 "events":[
                  {"type":"kz.prevention.registry.person.registered.v2","topic":"t.persons","aggregate":"person",
                   "owner":"registry-service","schema":"schemas/new.json",
                   "payload":"kz.prevention.eventing.contract.RegistryEvents$PersonRegistered","description":"t"},
                  {"type":"kz.prevention.registry.person.registered.v1","topic":"t.persons","aggregate":"person",
                   "owner":"registry-service","schema":"schemas/old.json","description":"t",
                   "supersededBy":"kz.prevention.registry.person.registered.v2"}]}""");

        assertThatThrownBy(() -> EventCatalogTest.catalogAt(root)).hasMessageContaining("cannot be read as")
                .hasMessageContaining("[sex, birthYear]");
    }
}
