package kz.prevention.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What PostgreSQL said decides the answer: a race is a 409, an outage a 503 with Retry-After, anything else stays a bug. */
class DatabaseFailuresTest {

    private static RuntimeException wrapped(String sqlState) {
        // As Hibernate and Agroal deliver it: the SQLException a few causes down.
        return new RuntimeException("could not execute statement",
                new IllegalStateException("wrapped", new SQLException("the database's own text, quoting data", sqlState)));
    }

    @Test
    void aUniqueViolationIsAConflict() {
        ProblemException p = DatabaseFailures.asProblem(wrapped("23505")).orElseThrow();
        assertThat(p.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(p.getMessage()).doesNotContain("quoting data");
    }

    @Test
    void aLostConnectionOrARestartingServerIsUnavailableWithRetryAfter() {
        for (String state : new String[] {"08006", "08003", "08001", "57P01", "57P03", "53300"}) {
            ProblemException p = DatabaseFailures.asProblem(wrapped(state)).orElseThrow();
            assertThat(p.type()).as(state).isEqualTo(ProblemType.UNAVAILABLE);
            assertThat(p.type().status()).isEqualTo(503);
            assertThat(p.headers()).containsEntry("Retry-After", "5");
            assertThat(p.getMessage()).doesNotContain("quoting data");
        }
    }

    @Test
    void otherFailuresAreNotExplainedAway() {
        assertThat(DatabaseFailures.asProblem(wrapped("42P01"))).isEmpty();
        assertThat(DatabaseFailures.asProblem(wrapped(null))).isEmpty();
        assertThat(DatabaseFailures.asProblem(new IllegalStateException("no SQL here"))).isEmpty();
    }
}
