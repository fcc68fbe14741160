package io.livehall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's time until a test moves it ({@link #advance}, {@link #set}), so time
 * rules (expiry, deadlines) are tested without waiting. A test that moves it puts it back ({@link #reset}) when done.
 * With {@code livehall.test.clock-start} the clock stands still at that instant from the start (the demo hall).
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    TestClock(Instant fixed) {
        this.fixed = fixed;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary // over the application's system clock
        TestClock testClock(@Value("${livehall.test.clock-start:}") String start) {
            return new TestClock(start.isBlank() ? null : Instant.parse(start));
        }
    }

    /** Stands still at {@code instant}. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Moves time forward (or back, with a negative duration). */
    public void advance(Duration by) {
        Instant f = fixed;
        if (f != null) {
            fixed = f.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Back to the system's time. */
    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock in UTC");
    }
}
