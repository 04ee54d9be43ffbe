package kz.prevention.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The ids the sealer looks up again behind its cursor (a pure rule: no database). */
class AuditGapsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final AuditGaps gaps = new AuditGaps(Duration.ofMinutes(10));

    @Test
    void theIdsTheCursorPassedWithoutARowAreGaps() {
        gaps.passed(100, new long[] {101, 103, 104, 107}, T0);

        assertThat(gaps.ids(T0)).containsExactly(102, 105, 106);
    }

    @Test
    void aGapBeforeTheFirstRowCounts() {
        gaps.passed(100, new long[] {103}, T0);

        assertThat(gaps.ids(T0)).containsExactly(101, 102);
    }

    @Test
    void aGapWhoseRowIsFoundIsNoLongerLookedUp() {
        gaps.passed(100, new long[] {103}, T0);
        gaps.found(102);

        assertThat(gaps.ids(T0)).containsExactly(101);
        gaps.found(101);
        assertThat(gaps.isEmpty()).isTrue();
    }

    @Test
    void aGapIsGivenUpAfterTheHorizonAndKeepsItsFirstTime() {
        gaps.passed(100, new long[] {102}, T0);
        gaps.passed(102, new long[] {104}, T0.plus(Duration.ofMinutes(5)));

        assertThat(gaps.ids(T0.plus(Duration.ofMinutes(9)))).containsExactly(101, 103);
        assertThat(gaps.ids(T0.plus(Duration.ofMinutes(11)))).containsExactly(103);
        assertThat(gaps.ids(T0.plus(Duration.ofMinutes(16)))).isEmpty();
    }

    @Test
    void noRowsOrContiguousRowsLeaveNoGap() {
        gaps.passed(100, new long[] {}, T0);
        gaps.passed(100, new long[] {101, 102, 103}, T0);

        assertThat(gaps.isEmpty()).isTrue();
    }

    @Test
    void aJumpLargerThanTheBoundIsLeftToTheFullSweep() {
        gaps.passed(0, new long[] {AuditGaps.MAX_GAPS + 2L}, T0);
        assertThat(gaps.isEmpty()).isTrue();

        gaps.passed(0, new long[] {AuditGaps.MAX_GAPS + 1L}, T0);
        assertThat(gaps.ids(T0)).hasSize(AuditGaps.MAX_GAPS);
    }

    @Test
    void theGapsAreBounded() {
        for (long start = 0; start < 3L * AuditGaps.MAX_GAPS; start += 2) {
            gaps.passed(start, new long[] {start + 2}, T0);
        }

        assertThat(gaps.ids(T0)).hasSize(AuditGaps.MAX_GAPS);
    }
}
