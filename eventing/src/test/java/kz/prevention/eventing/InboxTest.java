package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
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
import kz.prevention.testing.TestKafka;

/** The inbox against the real broker and database: once in effect, in order, and nothing lost silently. */
@QuarkusTest
class InboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TOPIC = LedgerProbe.TOPIC;

    @Inject
    LedgerService ledger;
    @Inject
    InboxConsumers consumers;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper mapper;

    LedgerProbe probe;

    @PostConstruct
    void probe() {
        probe = new LedgerProbe(dataSource, mapper);
    }

    @Test
    void eventsAreAppliedOnceEachInOrderPerAggregate() throws Exception {
        List<String> accounts = LedgerProbe.accounts(10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(ledger.credit(accounts.get(i % accounts.size()), i + 1).id());
        }

        await().atMost(PATIENCE).until(() -> probe.appliedCount(ids) == ids.size());

        for (String account : accounts) {
            assertThat(probe.appliedVersions(account)).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        }
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        String account = LedgerProbe.accounts(1).get(0);
        CloudEvent event = ledger.credit(account, 7);
        await().atMost(PATIENCE).until(() -> probe.appliedCount(List.of(event.id())) == 1);
        Map<String, Long> before = probe.projection(account);
        double duplicatesBefore = counter("eventing.inbox.duplicates");

        byte[] again = mapper.writeValueAsBytes(event);
        TestKafka.send(TestKafka.topic(TOPIC), account, again, Map.of("content-type", CloudEvent.CONTENT_TYPE));
        TestKafka.send(TestKafka.topic(TOPIC), account, again, Map.of("content-type", CloudEvent.CONTENT_TYPE));

        await().atMost(PATIENCE).until(() -> counter("eventing.inbox.duplicates") >= duplicatesBefore + 2);
        assertThat(probe.projection(account)).isEqualTo(before);
        assertThat(probe.appliedCount(List.of(event.id()))).isEqualTo(1);
    }

    @Test
    void replayingTheWholeTopicFromOffsetZeroChangesNothing() throws Exception {
        List<String> accounts = LedgerProbe.accounts(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(ledger.credit(accounts.get(i % 3), 1).id());
        }
        await().atMost(PATIENCE).until(() -> probe.appliedCount(ids) == ids.size());
        Map<String, Long> before = probe.allProjections();
        long appliedBefore = probe.scalar("SELECT count(*) FROM ledger_applied");
        double duplicatesBefore = counter("eventing.inbox.duplicates");

        consumers.replay(LedgerProjection.NAME);

        // At least this test's 30 records come back and are recognised, not reapplied.
        await().atMost(PATIENCE).until(() -> counter("eventing.inbox.duplicates") - duplicatesBefore >= ids.size());
        assertThat(probe.allProjections()).isEqualTo(before);
        assertThat(probe.scalar("SELECT count(*) FROM ledger_applied")).isEqualTo(appliedBefore);
    }

    @Test
    void aPoisonEventIsDeadLetteredAndQuarantinesOnlyItsAggregate() throws Exception {
        String account = LedgerProbe.accounts(1).get(0);
        String other = LedgerProbe.accounts(1).get(0);
        CloudEvent poison = ledger.creditPoisoned(account, 100);
        CloudEvent after = ledger.credit(account, 1);
        CloudEvent elsewhere = ledger.credit(other, 1);

        await().atMost(PATIENCE).until(() -> probe.appliedCount(List.of(elsewhere.id())) == 1);
        await().atMost(PATIENCE).until(() -> !probe.deadLetters(after.id()).isEmpty());

        ConsumerRecord<String, byte[]> letter = probe.deadLetters(poison.id()).get(0);
        assertThat(TestKafka.header(letter, "dlt.consumer")).isEqualTo(LedgerProjection.NAME);
        assertThat(TestKafka.header(letter, "dlt.error")).contains("poisoned test event");
        assertThat(TestKafka.header(letter, "dlt.original.topic")).isEqualTo(TestKafka.topic(TOPIC));
        // The later event of the same account follows it, in order, instead of being applied past the hole.
        assertThat(TestKafka.header(probe.deadLetters(after.id()).get(0), "dlt.error")).startsWith("aggregate quarantined");
        assertThat(probe.appliedCount(List.of(poison.id(), after.id()))).isZero();
        assertThat(probe.quarantine(LedgerProjection.NAME, account)).contains("at version 1");
        assertThat(anomalies("poison")).isGreaterThanOrEqualTo(1);
        assertThat(anomalies("quarantined")).isGreaterThanOrEqualTo(1);
    }

    /** Before the fix a failed COMMIT (a RollbackException) was "transient" and retried forever, blocking the partition. */
    @Test
    void anEventWhoseCommitBreaksAConstraintIsDeadLetteredNotRetriedForever() throws Exception {
        String account = LedgerProbe.accounts(1).get(0);
        CloudEvent poison = ledger.creditPoisonedAtCommit(account, 5);
        String other = LedgerProbe.accounts(1).get(0);
        CloudEvent behind = ledger.credit(other, 1);

        await().atMost(PATIENCE).until(() -> !probe.deadLetters(poison.id()).isEmpty());
        await().atMost(PATIENCE).until(() -> probe.appliedCount(List.of(behind.id())) == 1);
        assertThat(TestKafka.header(probe.deadLetters(poison.id()).get(0), "dlt.error")).contains("failed 3 times");
        assertThat(probe.appliedCount(List.of(poison.id()))).isZero();
    }

    /**
     * Read-model statements deferred to the batch's end fail there, with their SQLSTATE: the batch is
     * rolled back, replayed record by record, and only the culprit is dead-lettered; the others' deferred
     * totals are written exactly once.
     */
    @Test
    void aDeferredReadModelWriteThatFailsAtTheBatchEndDeadLettersOnlyItsEvent() throws Exception {
        List<String> accounts = LedgerProbe.accounts(2);
        CloudEvent before = ledger.credit(accounts.get(1), 3);
        CloudEvent poison = ledger.creditWithNote(accounts.get(0), 5, LedgerProjection.POISON_AT_FLUSH);
        CloudEvent after = ledger.credit(accounts.get(1), 4);

        await().atMost(PATIENCE).until(() -> !probe.deadLetters(poison.id()).isEmpty());
        await().atMost(PATIENCE).until(() -> probe.appliedCount(List.of(before.id(), after.id())) == 2);
        assertThat(TestKafka.header(probe.deadLetters(poison.id()).get(0), "dlt.error")).contains("violates not-null constraint");
        assertThat(probe.appliedCount(List.of(poison.id()))).isZero();
        assertThat(probe.scalar("SELECT total FROM ledger_projection WHERE account_id = '" + accounts.get(1) + "'"))
                .isEqualTo(7L);
        assertThat(probe.scalar("SELECT count(*) FROM ledger_projection WHERE account_id = '" + accounts.get(0) + "'"))
                .isZero();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopic() {
        String key = "garbage-" + UUID.randomUUID();
        TestKafka.send(TestKafka.topic(TOPIC), key, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(PATIENCE).until(() -> TestKafka.readAll(TestKafka.topic(TOPIC + ".dlt")).stream()
                .anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, byte[]> letter = TestKafka.readAll(TestKafka.topic(TOPIC + ".dlt")).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(TestKafka.header(letter, "dlt.error")).contains("not a readable CloudEvents JSON envelope");
    }

    /** Anyone who reaches the broker could publish; only the topic's owner is believed. */
    @Test
    void anEventFromAnotherSourceThanTheTopicsOwnerIsRefused() throws Exception {
        String account = LedgerProbe.accounts(1).get(0);
        CloudEvent forged = envelope("/someone-else", account, 1);

        TestKafka.send(TestKafka.topic(TOPIC), account, mapper.writeValueAsBytes(forged), Map.of());

        await().atMost(PATIENCE).until(() -> !probe.deadLetters(forged.id()).isEmpty());
        assertThat(TestKafka.header(probe.deadLetters(forged.id()).get(0), "dlt.error"))
                .contains("source /someone-else is not /eventing-test");
        assertThat(probe.appliedCount(List.of(forged.id()))).isZero();
    }

    /** Before the fix a stale event with an unknown id was skipped and only counted: lost for good. */
    @Test
    void aStaleEventUnderAnotherIdIsDeadLetteredWithItsReason() throws Exception {
        String account = LedgerProbe.accounts(1).get(0);
        CloudEvent first = ledger.credit(account, 1);
        ledger.credit(account, 1);
        await().atMost(PATIENCE).until(() -> probe.appliedVersions(account).size() == 2);
        double staleBefore = anomalies("stale");
        CloudEvent stale = envelope("/eventing-test", account, first.aggregateversion());

        TestKafka.send(TestKafka.topic(TOPIC), account, mapper.writeValueAsBytes(stale), Map.of());

        await().atMost(PATIENCE).until(() -> !probe.deadLetters(stale.id()).isEmpty());
        assertThat(TestKafka.header(probe.deadLetters(stale.id()).get(0), "dlt.error"))
                .contains("stale: version 1 is at or below the last applied 2");
        assertThat(anomalies("stale")).isEqualTo(staleBefore + 1);
        assertThat(probe.appliedVersions(account)).containsExactly(1L, 2L);
    }

    /** Before the fix a gap was applied past (GapPolicy.APPLY) and only counted. */
    @Test
    void aVersionGapHoldsThePartitionThenIsDeadLetteredAndQuarantined() throws Exception {
        String account = LedgerProbe.accounts(1).get(0);
        CloudEvent skipped = envelope("/eventing-test", account, 5);
        Instant sent = Instant.now();

        TestKafka.send(TestKafka.topic(TOPIC), account, mapper.writeValueAsBytes(skipped), Map.of());

        await().atMost(PATIENCE).until(() -> !probe.deadLetters(skipped.id()).isEmpty());
        assertThat(Duration.between(sent, Instant.now())).as("it waited gap-max-wait (3 s) for the missing versions")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(TestKafka.header(probe.deadLetters(skipped.id()).get(0), "dlt.error"))
                .contains("version gap: last applied 0, received 5");
        assertThat(probe.appliedCount(List.of(skipped.id()))).isZero();
        assertThat(probe.quarantine(LedgerProjection.NAME, account)).contains("version gap");
        // The partition is not stuck: other accounts' events are applied.
        CloudEvent later = ledger.credit(LedgerProbe.accounts(1).get(0), 1);
        await().atMost(PATIENCE).until(() -> probe.appliedCount(List.of(later.id())) == 1);
    }

    private CloudEvent envelope(String source, String account, long version) {
        return new CloudEvent("1.0", UUID.randomUUID().toString(), source, AccountCredited.TYPE, account, Instant.now(),
                "application/json", version, null, mapper.valueToTree(AccountCredited.of(account, 3, 3)));
    }

    private double counter(String name) {
        return registry.counter(name, "consumer", LedgerProjection.NAME).count();
    }

    private double anomalies(String kind) {
        return registry.counter("eventing.inbox.anomalies", "consumer", LedgerProjection.NAME, "kind", kind).count();
    }
}
