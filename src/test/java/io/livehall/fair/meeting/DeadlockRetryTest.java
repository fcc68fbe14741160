package io.livehall.fair.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.UncategorizedR2dbcException;

/**
 * A booking that PostgreSQL aborted as a deadlock is retried however Spring hands the error over: CI saw it arrive as
 * an uncategorized R2DBC exception (SQLSTATE 40P01), which was answered 503 instead of being retried.
 */
class DeadlockRetryTest {

    @Test
    void aDeadlockIsRecognisedByItsSqlStateWhateverItsClass() {
        var deadlock = new R2dbcNonTransientResourceException("deadlock detected", "40P01");
        assertThat(BookingFailures.deadlocked(new UncategorizedR2dbcException("executeMany", "with s as (...)", deadlock)))
                .isTrue();
        var other = new R2dbcNonTransientResourceException("out of memory", "53200");
        assertThat(BookingFailures.deadlocked(new UncategorizedR2dbcException("executeMany", "select 1", other))).isFalse();
    }
}
