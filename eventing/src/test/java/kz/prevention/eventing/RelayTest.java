package kz.prevention.eventing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.ledger.LedgerService;
import kz.prevention.eventing.outbox.OutboxRelay;
import kz.prevention.testing.TestTokens;

/** The outbox relay against the real broker and database. */
@QuarkusTest
class RelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    LedgerService ledger;
    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    LedgerProbe probe;

    @PostConstruct
    void probe() {
        probe = new LedgerProbe(dataSource, mapper);
    }

    @Test
    void publishedRowsLeaveTheOutbox() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String account : LedgerProbe.accounts(5)) {
            ids.add(ledger.credit(account, 1).id());
        }

        await().atMost(PATIENCE).until(() -> probe.unsent(ids) == 0);
        assertThat(probe.copiesOnTopic(ids)).hasSize(ids.size());
    }

    @Test
    void relayDyingBetweenPublishAndDeletingRepublishesAndTheInboxAbsorbsTheDuplicates() throws Exception {
        List<String> accounts = LedgerProbe.accounts(4);
        relay.pause();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(ledger.credit(accounts.get(i % 4), 1).id());
            }
        } finally {
            // Hold the rows so the relay can publish them but cannot delete them.
            try (Connection blocker = dataSource.getConnection()) {
                blocker.setAutoCommit(false);
                lockRows(blocker, ids);
                relay.resume();
                await().atMost(PATIENCE).until(() -> probe.copiesOnTopic(ids).size() == ids.size());
                int relaySession = relay.backendPid();
                assertThat(relaySession).isPositive();
                try (Connection killer = dataSource.getConnection(); Statement s = killer.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(" + relaySession + ")");
                }
                blocker.rollback();
            }
        }

        await().atMost(PATIENCE).until(() -> probe.unsent(ids) == 0);
        await().atMost(PATIENCE).until(() -> probe.appliedCount(ids) == ids.size());
        Map<String, Integer> copies = probe.copiesOnTopic(ids);
        assertThat(copies.values()).as("each event reached Kafka twice").allMatch(n -> n >= 2);
        assertThat(probe.appliedCount(ids)).isEqualTo(ids.size());
        for (String account : accounts) {
            assertThat(probe.appliedVersions(account)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    /** Before the fix a record that could never be sent was retried forever and held back every aggregate. */
    @Test
    void anEventTooLargeToPublishParksOnlyItsAggregateVisibly() throws Exception {
        String big = LedgerProbe.accounts(1).get(0);
        String small = LedgerProbe.accounts(1).get(0);
        CloudEvent tooLarge = ledger.creditWithNote(big, 1, "x".repeat(30_000));
        CloudEvent behindIt = ledger.credit(big, 1);
        CloudEvent other = ledger.credit(small, 1);

        await().atMost(PATIENCE).until(() -> probe.appliedCount(List.of(other.id())) == 1);
        assertThat(probe.unsent(List.of(tooLarge.id(), behindIt.id()))).as("held in the outbox, in order").isEqualTo(2);
        given().auth().oauth2(TestTokens.user("ops").roles("platform-admin").region("000000000").sign())
                .when().get("/api/v1/admin/outbox").then().statusCode(200)
                .body("parked.aggregateId", hasItem(big));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("eventing_outbox_parked "));
        given().auth().oauth2(TestTokens.user("officer").roles("registry-officer").region("750000000").sign())
                .when().get("/api/v1/admin/outbox").then().statusCode(403);
    }

    private void lockRows(Connection c, List<String> ids) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM outbox WHERE id = ANY (?::uuid[]) FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.executeQuery().close();
        }
    }
}
