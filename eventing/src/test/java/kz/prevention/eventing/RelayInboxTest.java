package kz.prevention.eventing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.inbox.InboxConsumers;
import kz.prevention.eventing.ledger.AccountCredited;
import kz.prevention.eventing.ledger.LedgerProjection;
import kz.prevention.eventing.ledger.LedgerService;
import kz.prevention.eventing.ledger.StrictProjection;
import kz.prevention.eventing.outbox.OutboxRelay;
import kz.prevention.testing.TestKafka;

/** The outbox relay and the inbox against the real broker and database. */
@QuarkusTest
class RelayInboxTest {

    private static final String TOPIC = "test.ledger.accounts";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    LedgerService ledger;
    @Inject
    OutboxRelay relay;
    @Inject
    InboxConsumers consumers;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper mapper;

    @Test
    void eventsAreAppliedOnceEachInOrderPerAggregate() throws Exception {
        List<String> accounts = accounts(10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(ledger.credit(accounts.get(i % accounts.size()), i + 1).id());
        }

        await().atMost(PATIENCE).until(() -> appliedCount(ids) == ids.size());

        for (String account : accounts) {
            assertThat(appliedVersions(account)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L,
                    15L, 16L, 17L, 18L, 19L, 20L);
        }
        assertThat(unsent(ids)).isZero();
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        String account = accounts(1).get(0);
        CloudEvent event = ledger.credit(account, 7);
        await().atMost(PATIENCE).until(() -> appliedCount(List.of(event.id())) == 1);
        Map<String, Long> before = projection(account);
        double duplicatesBefore = duplicates(LedgerProjection.NAME);

        byte[] again = mapper.writeValueAsBytes(event);
        TestKafka.send(TestKafka.topic(TOPIC), account, again, Map.of("content-type", CloudEvent.CONTENT_TYPE));
        TestKafka.send(TestKafka.topic(TOPIC), account, again, Map.of("content-type", CloudEvent.CONTENT_TYPE));

        await().atMost(PATIENCE).until(() -> duplicates(LedgerProjection.NAME) >= duplicatesBefore + 2);
        assertThat(projection(account)).isEqualTo(before);
        assertThat(appliedCount(List.of(event.id()))).isEqualTo(1);
    }

    @Test
    void replayingTheWholeTopicFromOffsetZeroChangesNothing() throws Exception {
        List<String> accounts = accounts(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(ledger.credit(accounts.get(i % 3), 1).id());
        }
        await().atMost(PATIENCE).until(() -> appliedCount(ids) == ids.size());
        long recordsOnTopic = TestKafka.readAll(TestKafka.topic(TOPIC)).size();
        Map<String, Long> before = allProjections();
        long appliedBefore = totalApplied();
        double duplicatesBefore = duplicates(LedgerProjection.NAME);

        consumers.replay(LedgerProjection.NAME);

        // Every record of the topic comes back; what was applied before is recognised, not reapplied.
        await().atMost(PATIENCE).until(() -> duplicates(LedgerProjection.NAME) - duplicatesBefore
                >= recordsOnTopic - deadLetteredOrSkipped());
        assertThat(allProjections()).isEqualTo(before);
        assertThat(totalApplied()).isEqualTo(appliedBefore);
    }

    @Test
    void relayDyingBetweenPublishAndMarkingRepublishesAndTheInboxAbsorbsTheDuplicates() throws Exception {
        List<String> accounts = accounts(4);
        relay.pause();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(ledger.credit(accounts.get(i % 4), 1).id());
            }
        } finally {
            // Hold the rows so the relay can publish them but cannot mark them sent.
            try (Connection blocker = dataSource.getConnection()) {
                blocker.setAutoCommit(false);
                lockRows(blocker, ids);
                relay.resume();
                await().atMost(PATIENCE).until(() -> copiesOnTopic(ids).values().stream().allMatch(n -> n >= 1)
                        && copiesOnTopic(ids).size() == ids.size());
                int relaySession = relay.backendPid();
                assertThat(relaySession).isPositive();
                try (Connection killer = dataSource.getConnection(); Statement s = killer.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(" + relaySession + ")");
                }
                blocker.rollback();
            }
        }

        await().atMost(PATIENCE).until(() -> unsent(ids) == 0);
        await().atMost(PATIENCE).until(() -> appliedCount(ids) == ids.size());
        Map<String, Integer> copies = copiesOnTopic(ids);
        assertThat(copies.values()).as("each event reached Kafka twice").allMatch(n -> n >= 2);
        assertThat(appliedCount(ids)).isEqualTo(ids.size());
        for (String account : accounts) {
            assertThat(appliedVersions(account)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheStreamMovesOn() throws Exception {
        String account = accounts(1).get(0);
        CloudEvent poison = ledger.creditPoisoned(account, 100);
        CloudEvent next = ledger.credit(account, 1);

        await().atMost(PATIENCE).until(() -> appliedCount(List.of(next.id())) == 1);
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(poison.id());
        assertThat(letters).extracting(r -> TestKafka.header(r, "dlt.consumer"))
                .contains(LedgerProjection.NAME);
        ConsumerRecord<String, byte[]> letter = letters.stream()
                .filter(r -> LedgerProjection.NAME.equals(TestKafka.header(r, "dlt.consumer"))).findFirst().orElseThrow();
        assertThat(TestKafka.header(letter, "dlt.error")).contains("poisoned test event");
        assertThat(TestKafka.header(letter, "dlt.original.topic")).isEqualTo(TestKafka.topic(TOPIC));
        assertThat(projection(account)).containsEntry("total", 1L);
        assertThat(registry.counter("eventing.inbox.dead.lettered", "consumer", LedgerProjection.NAME).count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopic() {
        String key = "garbage-" + UUID.randomUUID();
        TestKafka.send(TestKafka.topic(TOPIC), key, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(PATIENCE).until(() -> TestKafka.readAll(TestKafka.topic(TOPIC + ".dlt")).stream()
                .anyMatch(r -> key.equals(r.key()) && LedgerProjection.NAME.equals(TestKafka.header(r, "dlt.consumer"))));
        ConsumerRecord<String, byte[]> letter = TestKafka.readAll(TestKafka.topic(TOPIC + ".dlt")).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(TestKafka.header(letter, "dlt.error")).contains("not a readable CloudEvents JSON envelope");
    }

    @Test
    void aVersionGapIsAppliedUnderApplyAndDeadLetteredAfterWaitingUnderWait() throws Exception {
        String account = accounts(1).get(0);
        CloudEvent skipped = new CloudEvent("1.0", UUID.randomUUID().toString(), "/eventing-test", AccountCredited.TYPE,
                account, Instant.now(), "application/json", 5L, null,
                mapper.valueToTree(new AccountCredited(account, 3, 3, null)));
        double gapsBefore = registry.counter("eventing.inbox.gaps", "consumer", LedgerProjection.NAME).count();

        TestKafka.send(TestKafka.topic(TOPIC), account, mapper.writeValueAsBytes(skipped), Map.of());

        await().atMost(PATIENCE).until(() -> appliedCount(List.of(skipped.id())) == 1);
        assertThat(registry.counter("eventing.inbox.gaps", "consumer", LedgerProjection.NAME).count())
                .isEqualTo(gapsBefore + 1);
        await().atMost(PATIENCE).until(() -> deadLetters(skipped.id()).stream()
                .anyMatch(r -> StrictProjection.NAME.equals(TestKafka.header(r, "dlt.consumer"))));
        assertThat(strictApplied(skipped.id())).isFalse();
        // The strict consumer's partition is not stuck: later events still reach it.
        CloudEvent later = ledger.credit(accounts(1).get(0), 1);
        await().atMost(PATIENCE).until(() -> strictApplied(later.id()));
    }

    @Test
    void metricsShowTheOutboxAndTheInbox() {
        ledger.credit(accounts(1).get(0), 1);
        await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("eventing_outbox_backlog"))
                .body(containsString("eventing_outbox_oldest_pending_age_seconds"))
                .body(containsString("eventing_outbox_publish_latency_seconds"))
                .body(containsString("eventing_inbox_applied_total{consumer=\"ledger-projection\""))
                .body(containsString("eventing_inbox_dead_lettered_total")));
    }

    @Test
    void theCatalogAndItsAsyncApiDocumentAreServed() {
        given().when().get("/api/v1/event-catalog").then().statusCode(200)
                .body("events.type", hasItem(AccountCredited.TYPE))
                .body("topics.name", hasItem("prevention.registry.entries"));
        given().when().get("/api/v1/event-catalog/asyncapi").then().statusCode(200)
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.'test.ledger.accounts'.address", equalTo(TOPIC))
                .body("components.messages.'" + AccountCredited.TYPE + "'.payload", notNullValue());
        given().when().get("/api/v1/event-catalog/schemas/" + AccountCredited.TYPE).then().statusCode(200)
                .body("title", equalTo("AccountCredited"));
        given().when().get("/api/v1/event-catalog/schemas/kz.prevention.nothing.v1").then().statusCode(404)
                .contentType("application/problem+json");
    }

    // --- helpers -------------------------------------------------------------------------

    private static List<String> accounts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("acc-" + UUID.randomUUID());
        }
        return out;
    }

    private int appliedCount(List<String> ids) throws Exception {
        return count("SELECT count(*) FROM ledger_applied WHERE event_id = ANY (?::uuid[])", ids);
    }

    private int unsent(List<String> ids) throws Exception {
        return count("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND id = ANY (?::uuid[])", ids);
    }

    private int count(String sql, List<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void lockRows(Connection c, List<String> ids) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM outbox WHERE id = ANY (?::uuid[]) FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.executeQuery().close();
        }
    }

    private List<Long> appliedVersions(String account) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM ledger_applied WHERE account_id = ? ORDER BY applied_seq")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private Map<String, Long> projection(String account) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT total, events FROM ledger_projection WHERE account_id = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.put("total", rs.getLong(1));
                    out.put("events", rs.getLong(2));
                }
            }
        }
        return out;
    }

    private Map<String, Long> allProjections() throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT account_id, total * 100000 + events FROM ledger_projection ORDER BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private long totalApplied() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM ledger_applied")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records the projection never applies: dead letters (poison, garbage) and stale versions. */
    private long deadLetteredOrSkipped() {
        return (long) (registry.counter("eventing.inbox.dead.lettered", "consumer", LedgerProjection.NAME).count()
                + registry.counter("eventing.inbox.stale", "consumer", LedgerProjection.NAME).count());
    }

    private double duplicates(String consumer) {
        return registry.counter("eventing.inbox.duplicates", "consumer", consumer).count();
    }

    private boolean strictApplied(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM strict_applied WHERE event_id = ?::uuid")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Map<String, Integer> copiesOnTopic(List<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return TestKafka.readAll(TestKafka.topic(TOPIC)).stream()
                .map(r -> eventId(r.value()))
                .filter(id -> id != null && wanted.contains(id))
                .collect(Collectors.toMap(id -> id, id -> 1, Integer::sum));
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String eventId) {
        return TestKafka.readAll(TestKafka.topic(TOPIC + ".dlt")).stream()
                .filter(r -> eventId.equals(eventId(r.value()))).toList();
    }

    private String eventId(byte[] value) {
        try {
            return mapper.readTree(value).path("id").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
