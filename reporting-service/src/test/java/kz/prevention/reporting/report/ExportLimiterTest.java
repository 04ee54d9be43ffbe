package kz.prevention.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

class ExportLimiterTest {

    @Test
    void aCallerBeyondTheLimitGets429WithRetryAfterWhileAnotherIsServed() {
        ExportLimiter limiter = new ExportLimiter();
        limiter.perMinute = 3;
        for (int i = 0; i < 3; i++) {
            limiter.acquire("analyst-1");
        }
        assertThatThrownBy(() -> limiter.acquire("analyst-1")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.TOO_MANY_REQUESTS);
            assertThat(Integer.parseInt(e.headers().get("Retry-After"))).isBetween(1, 61);
        });
        limiter.acquire("analyst-2");
    }
}
