package io.livehall;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The only allowances of the test suite; anything else that blocks a reactive thread fails its test.
 * <ul>
 * <li>{@code SecureRandom} (hence {@code UUID.randomUUID()}) refills its buffer from {@code /dev/urandom}:
 *     a file read that never waits on Linux.</li>
 * <li>spring-data-redis guards the shared Lettuce connection with a {@code ReentrantLock}
 *     ({@code getOrCreateSharedReactiveConnection}, then {@code SharedConnection#getConnection}). The connection is opened eagerly at startup ({@code RedisConfig}),
 *     so the lock only covers reading a reference; two event-loop threads meeting there park for nanoseconds
 *     (the flash-sale race met there once in a while).</li>
 * <li>Lettuce counts the writers of a connection under a {@code ReentrantLock} ({@code SharedLock}): the lock
 *     covers an increment, so event-loop threads sending Redis commands at the same instant (the reconnect
 *     storm test) park for nanoseconds; a writer waits longer only while Lettuce itself closes or reconnects
 *     the connection, when no command can be written anyway. BlockHound's error thrown from inside
 *     the lock's queue would leave the lock broken and every later Redis command hanging.</li>
 * <li>spring-data-redis reads a Lua script's SHA-1 under a {@code ReentrantLock} ({@code DefaultRedisScript#getSha1}):
 *     computed once, then only read; scripts run at the same instant on two event-loop threads meet there.</li>
 * <li>Jackson builds a type's deserializer once, under a {@code ReentrantLock}; requests of a type nobody has
 *     read yet that arrive at the same instant (the flash-sale race's first orders) meet there while it is built.
 *     BlockHound's error thrown inside the lock failed those requests with 500.</li>
 * <li>Hibernate Validator builds a class's constraint metadata once and caches it in a map whose segments are
 *     guarded by a {@code ReentrantLock}: two requests of a type nobody has validated yet (the flash-sale race's
 *     first orders, on two event loops) meet there for the moment the metadata is stored.</li>
 * <li>Netty's adaptive buffer allocator grows its set of magazines under a {@code StampedLock}
 *     ({@code AdaptivePoolingAllocator$MagazineGroup#tryExpandMagazines}): event-loop threads allocating at the same
 *     instant meet there for the moment the array is swapped. Lettuce met it on its event loop while reconnecting to
 *     a Redis that was down; BlockHound's error then failed the waiting commands with 500 instead of 503
 *     (RedisOutageOrderTest).</li>
 * </ul>
 */
public class KnownSafeBlockingCalls implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implGenerateSeed");
        builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
                "getOrCreateSharedReactiveConnection");
        builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory$SharedConnection",
                "getConnection");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("org.springframework.data.redis.core.script.DefaultRedisScript", "getSha1");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        builder.allowBlockingCallsInside("org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl", "getBeanMetaData");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
