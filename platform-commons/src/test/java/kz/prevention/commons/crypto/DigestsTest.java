package kz.prevention.commons.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** Known answers (FIPS 180-2, RFC 4231), and the per-thread instances giving the same answer again. */
class DigestsTest {

    @Test
    void sha256OfAbc() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("abc")).as("the thread's digest is reset after use").isEqualTo(Sha256.hex("abc"));
    }

    @Test
    void hmacSha256OfRfc4231TestCase2() throws Exception {
        HmacSha256 hmac = new HmacSha256("Jefe".getBytes(StandardCharsets.UTF_8));
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        assertThat(hmac.hex("what do ya want for nothing?")).isEqualTo(expected);
        assertThat(hmac.hex("what do ya want for nothing?")).as("again, on the same thread").isEqualTo(expected);
        assertThat(CompletableFuture.supplyAsync(() -> hmac.hex("what do ya want for nothing?")).get())
                .as("on another thread").isEqualTo(expected);
    }
}
