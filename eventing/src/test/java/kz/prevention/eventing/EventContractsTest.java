package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;

/**
 * Every catalog event's payload record and its JSON Schema agree: the same fields, compatible
 * types, and a nullable schema field never bound to a primitive. A producer, consumer or test
 * fixture using the record therefore cannot drift from the contract the catalog publishes.
 */
class EventContractsTest {

    @Test
    void everyPayloadRecordMatchesItsSchema() throws Exception {
        EventCatalog catalog = EventCatalogTest.mainCatalog();
        List<String> problems = new ArrayList<>();
        for (EventSpec e : catalog.events()) {
            Class<?> payload = catalog.payloadOf(e.type());
            compare(e.type(), payload, catalog.schemaDocument(e.type()), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aRecordThatDriftsFromItsSchemaIsReported() throws Exception {
        JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"type":"object","required":["id","count"],
                 "properties":{"id":{"type":"string","format":"uuid"},"count":{"type":["integer","null"]},
                               "gone":{"type":"string"}}}""");
        List<String> problems = new ArrayList<>();

        compare("test", Drifted.class, schema, problems);

        assertThat(problems).containsExactlyInAnyOrder(
                "test: schema field 'gone' has no record component",
                "test: record component 'extra' is not in the schema",
                "test: 'count' may be null in the schema but is a primitive int",
                "test: 'id' is string/uuid in the schema but java.lang.String in the record");
    }

    record Drifted(String id, int count, String extra) {
    }

    static void compare(String where, Class<?> record, JsonNode schema, List<String> problems) {
        if (!record.isRecord()) {
            problems.add(where + ": " + record.getName() + " is not a record");
            return;
        }
        Set<String> schemaFields = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> components = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
        }
        for (String f : schemaFields) {
            if (!components.contains(f)) {
                problems.add(where + ": schema field '" + f + "' has no record component");
            }
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(c.getName());
            if (property.isMissingNode()) {
                problems.add(where + ": record component '" + c.getName() + "' is not in the schema");
                continue;
            }
            checkType(where + "." + c.getName(), c.getName(), c.getType(), c.getGenericType(), property, problems, where);
        }
    }

    private static void checkType(String path, String name, Class<?> type, Type generic, JsonNode property,
            List<String> problems, String where) {
        Set<String> types = types(property);
        if (types.contains("null") && type.isPrimitive()) {
            problems.add(where + ": '" + name + "' may be null in the schema but is a primitive " + type.getName());
        }
        String format = property.path("format").asText("");
        String expected = expectedJsonType(type);
        if (types.isEmpty() || expected == null) {
            return;
        }
        boolean compatible = types.contains(expected) || (expected.equals("number") && types.contains("integer"));
        if (type == UUID.class && !format.equals("uuid") || type == LocalDate.class && !format.equals("date")
                || type == String.class && (format.equals("uuid") || format.equals("date"))) {
            compatible = false;
        }
        if (!compatible) {
            problems.add(where + ": '" + name + "' is " + String.join("|", types.stream().filter(t -> !t.equals("null")).toList())
                    + (format.isEmpty() ? "" : "/" + format) + " in the schema but " + type.getName() + " in the record");
            return;
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            compare(path + "[]", item, property.path("items"), problems);
        }
    }

    private static Set<String> types(JsonNode property) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode t = property.path("type");
        if (t.isTextual()) {
            out.add(t.asText());
        } else if (t.isArray()) {
            for (Iterator<JsonNode> it = t.elements(); it.hasNext();) {
                out.add(it.next().asText());
            }
        }
        return out;
    }

    private static String expectedJsonType(Class<?> type) {
        if (type == String.class || type == UUID.class || type == LocalDate.class || type.isEnum()) {
            return "string";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isRecord()) {
            return "object";
        }
        return null;
    }
}
