package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.catalog.SchemaViolationException;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.ledger.AccountCredited;
import kz.prevention.eventing.ledger.LedgerService;
import kz.prevention.eventing.ledger.Unlisted;
import kz.prevention.eventing.outbox.Outbox;

@QuarkusTest
class OutboxTest {

    @Inject
    LedgerService ledger;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void recordedEventIsACompleteCloudEvent() {
        String account = "acc-" + UUID.randomUUID();

        CloudEvent event = ledger.credit(account, 5);

        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(UUID.fromString(event.id())).isNotNull();
        assertThat(event.source()).isEqualTo("/eventing-test");
        assertThat(event.type()).isEqualTo(AccountCredited.TYPE);
        assertThat(event.subject()).isEqualTo(account);
        assertThat(event.time()).isNotNull();
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(event.aggregateversion()).isEqualTo(1L);
        assertThat(event.data().path("balance").asLong()).isEqualTo(5);
        assertThat(event.envelopeProblem()).isNull();
    }

    @Test
    void versionsAreConsecutivePerAggregate() throws Exception {
        String a = "acc-" + UUID.randomUUID();
        String b = "acc-" + UUID.randomUUID();

        List<Long> ofA = new ArrayList<>();
        List<Long> ofB = new ArrayList<>();
        ofA.add(ledger.credit(a, 1).aggregateversion());
        ofB.add(ledger.credit(b, 1).aggregateversion());
        ofA.add(ledger.credit(a, 1).aggregateversion());
        ofA.add(ledger.credit(a, 1).aggregateversion());
        ofB.add(ledger.credit(b, 1).aggregateversion());

        assertThat(ofA).containsExactly(1L, 2L, 3L);
        assertThat(ofB).containsExactly(1L, 2L);
    }

    @Test
    void aRecordNoCatalogEntryBindsRollsTheChangeBack() throws Exception {
        String account = "acc-" + UUID.randomUUID();

        assertThatThrownBy(() -> ledger.creditAnnouncing(account, 5, new Unlisted(account)))
                .isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("not the payload of any catalog event");

        assertThat(accountExists(account)).isFalse();
        assertThat(versionsInOutbox(account)).isEmpty();
    }

    @Test
    void dataViolatingItsSchemaRollsTheChangeBack() throws Exception {
        String account = "acc-" + UUID.randomUUID();

        assertThatThrownBy(() -> ledger.credit(account, 0))
                .isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("amount");

        assertThat(accountExists(account)).isFalse();
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.record(AccountCredited.of("x", 1, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    private List<Long> versionsInOutbox(String account) throws Exception {
        List<Long> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT aggregateversion FROM outbox WHERE aggregateid = ? ORDER BY seq")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getLong(1));
                }
            }
        }
        return versions;
    }

    private boolean accountExists(String account) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ledger_account WHERE id = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
