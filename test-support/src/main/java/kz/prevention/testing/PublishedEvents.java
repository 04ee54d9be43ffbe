package kz.prevention.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The events a service has published, as they are on the broker: it waits until the service's
 * outbox is empty (every recorded event acknowledged by Kafka, since a row leaves the outbox only
 * then), then reads the topic from its start.
 */
public final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedEvents() {
    }

    /** Every envelope on the catalog topic, once the service's outbox has drained. */
    public static List<JsonNode> on(String logicalTopic, DataSource service) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> outboxEmpty(service));
        List<JsonNode> out = new ArrayList<>();
        TestKafka.readAll(TestKafka.topic(logicalTopic)).forEach(r -> {
            try {
                out.add(JSON.readTree(r.value()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("an unreadable record on " + logicalTopic, e);
            }
        });
        return out;
    }

    /** How many events of {@code type} about {@code aggregateId} are on the topic. */
    public static long count(String logicalTopic, DataSource service, String aggregateId, String type) {
        return on(logicalTopic, service).stream()
                .filter(e -> aggregateId.equals(e.path("subject").asText()) && type.equals(e.path("type").asText()))
                .map(e -> e.path("id").asText()).distinct().count();
    }

    private static boolean outboxEmpty(DataSource service) throws SQLException {
        try (Connection c = service.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }
}
