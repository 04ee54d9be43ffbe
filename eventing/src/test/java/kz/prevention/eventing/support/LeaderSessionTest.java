package kz.prevention.eventing.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A leader's session cannot hang on a dead peer, nor hold its lock for a vanished host, nor for another service. */
@QuarkusTest
class LeaderSessionTest {

    @Test
    void eachJobOfEachServiceHasItsOwnLock() {
        assertThat(LeaderSession.lockKey("outbox-relay", "registry-service"))
                .isNotEqualTo(LeaderSession.lockKey("outbox-relay", "measures-service"))
                .isNotEqualTo(LeaderSession.lockKey("audit-sealer", "registry-service"))
                .isEqualTo(LeaderSession.lockKey("outbox-relay", "registry-service"));
    }

    @Test
    void theSessionAsksForKeepalivesAndTimeouts() throws Exception {
        try (LeaderSession db = LeaderSession.open("test-job", "keepalive-test")) {
            assertThat(db.setting("tcp_keepalives_idle")).isEqualTo("10");
            assertThat(db.setting("tcp_keepalives_interval")).isEqualTo("5");
            assertThat(db.setting("tcp_keepalives_count")).isEqualTo("3");
            assertThat(db.setting("statement_timeout")).isEqualTo("30s");
            assertThat(db.socketTimeoutSeconds()).isEqualTo(60);
        }
    }

    @Test
    void aSecondSessionOfTheSameServiceIsNotTheLeader() throws Exception {
        try (LeaderSession first = LeaderSession.open("test-job", "lock-test");
                LeaderSession second = LeaderSession.open("test-job", "lock-test");
                LeaderSession otherService = LeaderSession.open("test-job", "lock-test-other")) {
            assertThat(first.tryLead()).isTrue();
            assertThat(second.tryLead()).isFalse();
            assertThat(otherService.tryLead()).isTrue();
        }
    }
}
