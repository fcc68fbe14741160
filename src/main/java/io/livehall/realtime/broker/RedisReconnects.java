package io.livehall.realtime.broker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Listens to Lettuce's connection events: when a Redis connection that went away is back (Redis restarted, the
 * network dropped, the pub/sub connection was killed), Lettuce has resubscribed the channels by itself, but what was
 * published in between never reached this instance. Every local destination then catches up from Redis
 * ({@link LocalSubscriptions#reconnected()}): once shortly after the reconnection and once more a little later, in
 * case resubscribing took longer than the first look.
 */
@Component
class RedisReconnects implements SmartLifecycle {

    static final Duration FIRST_LOOK = Duration.ofMillis(300);
    static final Duration SECOND_LOOK = Duration.ofSeconds(2);
    private static final Log log = LogFactory.getLog(RedisReconnects.class);

    private final ClientResources resources;
    private final LocalSubscriptions local;
    private final AtomicInteger lost = new AtomicInteger();
    private volatile Disposable listening;

    RedisReconnects(ClientResources resources, LocalSubscriptions local) {
        this.resources = resources;
        this.local = local;
    }

    @Override
    public void start() {
        listening = resources.eventBus().get()
                .filter(e -> e instanceof ConnectionDeactivatedEvent || e instanceof ConnectionActivatedEvent)
                .concatMap(e -> {
                    if (e instanceof ConnectionDeactivatedEvent) {
                        lost.incrementAndGet();
                        return Mono.empty();
                    }
                    if (lost.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                        return Mono.empty(); // a first connection, not a reconnection
                    }
                    log.info("Redis connection is back; local subscriptions catch up on what they missed");
                    return Flux.concat(Mono.delay(FIRST_LOOK).doOnNext(t -> local.reconnected()),
                                    Mono.delay(SECOND_LOOK).doOnNext(t -> local.catchUpAll()))
                            .then()
                            .onErrorResume(failure -> {
                                log.warn("Catching up after a reconnection failed", failure);
                                return Mono.empty();
                            });
                })
                .subscribe(v -> { }, e -> log.error("Listening to Redis connection events stopped", e));
    }

    @Override
    public void stop() {
        Disposable d = listening;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable d = listening;
        return d != null && !d.isDisposed();
    }
}
