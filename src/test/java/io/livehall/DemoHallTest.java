package io.livehall;

import java.time.Instant;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests of the {@code local} profile's demo hall (demo accounts, demo data, demo stream) through the
 * whole application: one more shared context, like {@link IntegrationTest}'s but with the profile on and a
 * {@link TestClock} standing at {@link #STARTED} from the start (what the demo stream's playlist reads).
 */
@ActiveProfiles("local")
@TestPropertySource(properties = "livehall.test.clock-start=2026-01-01T00:00:00Z") // = STARTED
public abstract class DemoHallTest extends IntegrationTest {

    /** Where the test clock stands when the application starts. */
    protected static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
}
