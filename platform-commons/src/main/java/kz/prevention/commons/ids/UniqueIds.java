package kz.prevention.commons.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version-4 UUIDs for what must be unique but need not be unguessable — a request id, an audit row's
 * uid — drawn from the thread's generator. {@code UUID.randomUUID()} takes the JDK's one shared
 * {@code SecureRandom} (a lock, and reads of /dev/urandom): ~3 % of the registry's worker time on a
 * GET by id, whose audit row needs a uid (JFR, docs/benchmarks/platform-analysis.md). Identifiers
 * that are shown to callers and could be guessed to some advantage keep {@code UUID.randomUUID()}.
 */
public final class UniqueIds {

    private UniqueIds() {
    }

    public static UUID random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;                         // version 4
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // IETF variant
        return new UUID(high, low);
    }
}
