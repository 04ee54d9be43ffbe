package kz.prevention.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.eventing.support.LeaderSession;

/**
 * The relay's own writes (deleting sent rows, parking) commit without waiting for the WAL flush;
 * every other leader job, the audit sealer's among them, keeps the server's durable default.
 */
@QuarkusTest
class RelayConnectionTest {

    @Test
    void theRelaysCommitsDoNotWaitForTheFlush() throws Exception {
        try (RelayConnection relay = new RelayConnection(LeaderSession.open(RelayConnection.JOB, "relay-durability-test"))) {
            assertThat(relay.setting("synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void otherLeaderJobsKeepDurableCommits() throws Exception {
        try (LeaderSession sealer = LeaderSession.open("audit-sealer", "relay-durability-test")) {
            assertThat(sealer.setting("synchronous_commit")).isEqualTo("on");
        }
    }
}
