package io.livehall;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests of the {@code local} profile's demo hall (demo accounts, demo data, demo stream) through the
 * whole application: one more shared context, like {@link IntegrationTest}'s but with the profile on and a
 * {@link SettableClock} as the application's {@link Clock} (what the demo stream's playlist reads).
 */
@ActiveProfiles("local")
@Import(DemoHallTest.ClockConfig.class)
public abstract class DemoHallTest extends IntegrationTest {

    /** Where the test clock stands when the application starts. */
    protected static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    protected SettableClock clock;

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @org.springframework.context.annotation.Primary // over the application's system clock
        SettableClock settableClock() {
            return new SettableClock(STARTED);
        }
    }

    /** A clock that stands still until a test moves it. */
    public static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
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
}
