package kz.prevention.commons.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UniqueIdsTest {

    @Test
    void areVersion4UuidsOfTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = UniqueIds.random();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        }
    }

    @Test
    void doNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(UniqueIds.random())).isTrue();
        }
    }
}
