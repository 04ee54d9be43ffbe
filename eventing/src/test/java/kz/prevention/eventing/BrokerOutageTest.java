package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import kz.prevention.eventing.ledger.LedgerService;
import kz.prevention.testing.DedicatedKafka;
import kz.prevention.testing.PlatformTestResource;

/**
 * A Kafka outage: changes keep being committed while the broker is down, and once it is back
 * every event arrives, none applied twice, in order per aggregate. Uses a broker of its own,
 * since the shared one serves other tests.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
class BrokerOutageTest {

    private static final int CHANGES = 1000;
    private static final int AGGREGATES = 25;

    @Inject
    LedgerService ledger;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void changesCommittedWhileTheBrokerIsStoppedAllArriveOnceInOrderPerAggregate() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            accounts.add("outage-" + UUID.randomUUID());
        }
        DedicatedKafka.stop();

        for (int i = 0; i < CHANGES; i++) {
            ledger.credit(accounts.get(i % AGGREGATES), 1);
        }
        assertThat(scalar("SELECT count(*) FROM outbox WHERE aggregateid LIKE 'outage-%'"))
                .as("nothing can be published while the broker is down").isEqualTo(CHANGES);
        assertThat(scalar("SELECT count(*) FROM ledger_applied WHERE account_id LIKE 'outage-%'")).isZero();

        DedicatedKafka.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> scalar("SELECT count(*) FROM ledger_applied WHERE account_id LIKE 'outage-%'") >= CHANGES);
        assertThat(scalar("SELECT count(*) FROM ledger_applied WHERE account_id LIKE 'outage-%'"))
                .as("applied exactly once each").isEqualTo(CHANGES);
        assertThat(scalar("SELECT count(DISTINCT event_id) FROM ledger_applied WHERE account_id LIKE 'outage-%'"))
                .isEqualTo(CHANGES);
        Map<String, List<Long>> versions = appliedVersionsByAccount();
        long perAccount = CHANGES / AGGREGATES;
        for (String account : accounts) {
            assertThat(versions.get(account)).as("versions of %s in applied order", account)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, perAccount).boxed().toList());
        }
        // The relay deletes a batch once Kafka has acknowledged all of it, so a consumer may apply
        // the batch's events before their rows leave the outbox: wait for the delete too.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> scalar("SELECT count(*) FROM outbox WHERE aggregateid LIKE 'outage-%'") == 0);
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, List<Long>> appliedVersionsByAccount() throws Exception {
        Map<String, List<Long>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT account_id, version FROM ledger_applied WHERE account_id LIKE 'outage-%' ORDER BY applied_seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        return out;
    }

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PlatformTestResource.class,
                    Map.of("database", "eventing", "kafka", "dedicated")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
