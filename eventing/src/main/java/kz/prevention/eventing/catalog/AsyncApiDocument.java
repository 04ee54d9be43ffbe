package kz.prevention.eventing.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of the platform's topics and messages, generated from the event
 * catalog so the two can never disagree. Each message is a CloudEvents envelope whose
 * {@code data} is the event type's schema.
 */
public final class AsyncApiDocument {

    private AsyncApiDocument() {
    }

    public static ObjectNode generate(EventCatalog catalog, ObjectMapper mapper) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Prevention platform events");
        info.put("version", catalog.version());
        info.put("description", "Domain events of the prevention platform on Kafka. Every message is a CloudEvents 1.0"
                + " envelope in structured JSON mode; the Kafka key is the aggregate id (the envelope's subject), so one"
                + " aggregate's events stay ordered; aggregateversion grows by one per event of an aggregate.");
        doc.put("defaultContentType", "application/cloudevents+json");
        ObjectNode server = doc.putObject("servers").putObject("devstack");
        server.put("host", "127.0.0.1:9092");
        server.put("protocol", "kafka");
        server.put("description", "the broker ./platform up starts; topic names get the deployment's prefix, if any");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventEnvelope", envelopeSchema(mapper));

        for (TopicSpec topic : catalog.topics()) {
            ObjectNode channel = channels.putObject(topic.name());
            channel.put("address", topic.name());
            channel.put("description", topic.description() + " (owner: " + topic.owner() + ")");
            channel.put("x-owner", topic.owner());
            ArrayNode consumers = channel.putArray("x-consumers");
            topic.consumers().forEach(consumers::add);
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic.name());
            kafka.put("partitions", topic.partitions());
            ObjectNode topicConfig = kafka.putObject("topicConfiguration");
            topicConfig.putArray("cleanup.policy").add(topic.cleanupPolicy());
            topicConfig.put("retention.ms", topic.retentionMs());
            kafka.put("bindingVersion", "0.5.0");

            ObjectNode send = operations.putObject("send." + topic.name());
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + topic.name());
            ArrayNode opMessages = send.putArray("messages");
            for (EventSpec event : catalog.events()) {
                if (!event.topic().equals(topic.name())) {
                    continue;
                }
                channelMessages.putObject(event.type()).put("$ref", "#/components/messages/" + event.type());
                opMessages.addObject().put("$ref", "#/channels/" + topic.name() + "/messages/" + event.type());
                messages.set(event.type(), message(event, mapper));
                schemas.set(event.type(), catalog.schemaDocument(event.type()).deepCopy());
            }
            // Superseded types are no longer sent, but a reader of the topic from offset 0 meets them.
            for (EventSpec event : catalog.supersededEvents()) {
                if (!event.topic().equals(topic.name())) {
                    continue;
                }
                channelMessages.putObject(event.type()).put("$ref", "#/components/messages/" + event.type());
                ObjectNode m = message(event, mapper);
                m.put("summary", event.description() + " — superseded by " + event.supersededBy()
                        + ": no longer published; events already on the topic read as the successor");
                m.put("x-superseded-by", event.supersededBy());
                messages.set(event.type(), m);
                ObjectNode schema = catalog.schemaDocument(event.type()).deepCopy();
                schema.put("deprecated", true);
                schemas.set(event.type(), schema);
            }
        }
        return doc;
    }

    private static ObjectNode message(EventSpec event, ObjectMapper mapper) {
        ObjectNode m = mapper.createObjectNode();
        m.put("name", event.type());
        m.put("title", event.type());
        m.put("summary", event.description());
        m.put("contentType", "application/cloudevents+json");
        ObjectNode payload = m.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEventEnvelope");
        ObjectNode typed = allOf.addObject();
        typed.put("type", "object");
        ObjectNode props = typed.putObject("properties");
        props.putObject("type").put("const", event.type());
        props.putObject("data").put("$ref", "#/components/schemas/" + event.type());
        ObjectNode key = m.putObject("bindings").putObject("kafka");
        key.putObject("key").put("type", "string").put("description", "the " + event.aggregate() + " id (= subject)");
        key.put("bindingVersion", "0.5.0");
        m.putArray("x-owner").add(event.owner());
        return m;
    }

    private static JsonNode envelopeSchema(ObjectMapper mapper) {
        ObjectNode s = mapper.createObjectNode();
        s.put("type", "object");
        s.put("description", "CloudEvents 1.0 structured mode, with the platform's extensions");
        s.putArray("required").add("specversion").add("id").add("source").add("type").add("subject").add("time")
                .add("datacontenttype").add("aggregateversion").add("data");
        ObjectNode p = s.putObject("properties");
        p.putObject("specversion").put("const", "1.0");
        p.putObject("id").put("type", "string").put("format", "uuid");
        p.putObject("source").put("type", "string").put("description", "the emitting service, e.g. /registry-service");
        p.putObject("type").put("type", "string").put("description", "kz.prevention.<service>.<aggregate>.<event>.v<N>");
        p.putObject("subject").put("type", "string").put("description", "the aggregate id; also the Kafka key");
        p.putObject("time").put("type", "string").put("format", "date-time");
        p.putObject("datacontenttype").put("const", "application/json");
        p.putObject("aggregateversion").put("type", "integer").put("minimum", 1)
                .put("description", "1 for an aggregate's first event, +1 for each next one");
        p.putObject("traceparent").put("type", "string").put("description", "W3C trace context of the causing request");
        p.putObject("data").put("type", "object");
        return s;
    }
}
