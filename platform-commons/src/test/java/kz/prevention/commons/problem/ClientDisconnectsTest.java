package kz.prevention.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;

/** A caller closing its connection mid-body is not an incident; every other failure still is. */
class ClientDisconnectsTest {

    @Test
    void aConnectionClosedWhileTheBodyWasReadIsTheClientGoingAway() {
        // As RESTEasy Reactive's blocking input stream delivers them (seen in the registry's log under wrk).
        assertThat(ClientDisconnects.causedBy(new IOException(new IOException(new HttpClosedException("Connection was closed")))))
                .isTrue();
        assertThat(ClientDisconnects.causedBy(new IOException(new ClosedChannelException()))).isTrue();
    }

    @Test
    void otherFailuresAreNotExplainedAway() {
        assertThat(ClientDisconnects.causedBy(new IOException("disk full"))).isFalse();
        assertThat(ClientDisconnects.causedBy(new IllegalStateException("a bug", new NullPointerException()))).isFalse();
        assertThat(ClientDisconnects.causedBy(null)).isFalse();
    }
}
