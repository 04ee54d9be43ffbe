package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;

/**
 * Events keep only what a consumer needs, as codes (issue 10): every field of every type published
 * today says in its schema why it is there, no field is free text, and no field is named like the
 * personal data the registry keeps. The v1 types these rules retired stay in the catalog as
 * superseded (their events remain on the topics); the rules apply to what is published now.
 */
class EventFieldsTest {

    /** Personal data and quasi-identifiers no event may carry, by field name (compared without case). */
    private static final Set<String> FORBIDDEN = Set.of("iin", "bin", "name", "firstname", "lastname", "middlename",
            "fullname", "birthdate", "dateofbirth", "address", "phone", "email", "casenumber", "registeringbody",
            "ageatregistration", "age", "citizenship", "documentnumber", "docnumber", "result", "note", "comment");

    @Test
    void everyFieldOfEveryPublishedTypeSaysWhyItIsThere() throws Exception {
        List<String> silent = new ArrayList<>();
        eachField((where, field) -> {
            if (field.path("description").asText("").isBlank()) {
                silent.add(where);
            }
        });
        assertThat(silent).as("fields without a description of why they are carried").isEmpty();
    }

    @Test
    void noFieldIsFreeText() throws Exception {
        List<String> freeText = new ArrayList<>();
        eachField((where, field) -> {
            boolean text = field.path("type").isTextual() ? field.path("type").asText().equals("string")
                    : field.path("type").toString().contains("\"string\"");
            if (text && !(field.has("enum") || field.has("pattern") || field.has("format") || field.has("const"))) {
                freeText.add(where);
            }
        });
        assertThat(freeText).as("string fields that are neither an enum, a pattern, a format nor a constant").isEmpty();
    }

    @Test
    void noFieldIsNamedLikePersonalData() throws Exception {
        List<String> named = new ArrayList<>();
        eachField((where, field) -> {
            String name = where.substring(where.lastIndexOf('.') + 1).toLowerCase();
            if (FORBIDDEN.contains(name)) {
                named.add(where);
            }
        });
        assertThat(named).isEmpty();
    }

    @Test
    void theRulesCatchWhatEntryRegisteredV1Carried() throws Exception {
        EventCatalog catalog = EventCatalogTest.mainCatalog();
        JsonNode v1 = catalog.schemaDocument("kz.prevention.registry.entry.registered.v1").path("properties");

        assertThat(v1.has("caseNumber") && v1.has("registeringBody")).isTrue();
        assertThat(v1.path("registeringBody").has("pattern") || v1.path("registeringBody").has("enum")).isFalse();
        assertThat(FORBIDDEN).contains("casenumber", "registeringbody", "ageatregistration");
    }

    /** Every property of every published type, nested items included, as "type.field" (or "type.list[].field"). */
    private static void eachField(BiConsumer<String, JsonNode> check) throws Exception {
        EventCatalog catalog = EventCatalogTest.mainCatalog();
        for (EventSpec e : catalog.events()) {
            visit(e.type(), catalog.schemaDocument(e.type()), check);
        }
    }

    private static void visit(String where, JsonNode schema, BiConsumer<String, JsonNode> check) {
        schema.path("properties").fields().forEachRemaining(f -> {
            check.accept(where + "." + f.getKey(), f.getValue());
            if (f.getValue().has("items")) {
                visit(where + "." + f.getKey() + "[]", f.getValue().get("items"), check);
            }
        });
    }
}
