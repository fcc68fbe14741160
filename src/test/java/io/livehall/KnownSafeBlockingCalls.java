package io.livehall;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The only allowances of the test suite; anything else that blocks a reactive thread fails its test.
 * <ul>
 * <li>{@code SecureRandom} (hence {@code UUID.randomUUID()}) refills its buffer from {@code /dev/urandom}:
 *     a file read that never waits on Linux.</li>
 * <li>spring-data-redis guards the shared Lettuce connection with a {@code ReentrantLock}. The connection is
 *     opened eagerly at startup ({@code RedisConfig}), so the lock only covers reading a reference; two
 *     event-loop threads meeting there park for nanoseconds.</li>
 * <li>Lettuce's {@code SharedLock} takes a {@code ReentrantLock} around counting the writers of a command; under
 *     many concurrent commands (a flash sale) two threads meet there for nanoseconds. BlockHound's error thrown
 *     from inside the lock's queue would leave the lock broken and every later Redis command hanging.</li>
 * </ul>
 */
public class KnownSafeBlockingCalls implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implGenerateSeed");
        builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
                "getOrCreateSharedReactiveConnection");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
    }
}
