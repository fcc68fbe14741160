package io.livehall.realtime.broker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The subscribers of this instance, by destination, and the Redis channel subscription each destination
 * with local subscribers holds (and releases when its last local subscriber leaves).
 */
@Component
class LocalSubscriptions {

    private static final Log log = LogFactory.getLog(LocalSubscriptions.class);

    private final class Destination {
        final String name;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        final Mono<Void> ready;
        volatile Disposable channel;

        Destination(String name, DestinationKind kind) {
            this.name = name;
            this.ready = bus.channel(name, kind)
                    .doOnNext(flux -> channel = flux.subscribe(this::fanOut,
                            e -> log.warn("Redis channel of " + name + " failed", e)))
                    .then()
                    .cache();
        }

        void fanOut(BrokerMessage message) {
            for (Subscriber subscriber : subscribers) {
                try {
                    subscriber.deliver(message);
                } catch (RuntimeException e) {
                    log.warn("Subscriber of " + name + " failed", e);
                }
            }
        }

        void close() {
            Disposable d = channel;
            if (d != null) {
                d.dispose();
            }
        }
    }

    private final RedisBus bus;
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();

    LocalSubscriptions(RedisBus bus) {
        this.bus = bus;
    }

    /** Adds a subscriber; the Mono completes when the destination's Redis channel is subscribed. */
    Mono<Void> add(String destination, DestinationKind kind, Subscriber subscriber) {
        Destination d = destinations.compute(destination, (name, existing) -> {
            Destination target = existing != null ? existing : new Destination(name, kind);
            target.subscribers.add(subscriber);
            return target;
        });
        return d.ready;
    }

    void remove(String destination, Subscriber subscriber) {
        Destination[] closed = new Destination[1];
        destinations.computeIfPresent(destination, (name, d) -> {
            d.subscribers.remove(subscriber);
            if (d.subscribers.isEmpty()) {
                closed[0] = d;
                return null;
            }
            return d;
        });
        if (closed[0] != null) {
            // subscribe first so a failed or slow channel subscription is not left behind
            closed[0].ready.subscribe(v -> { }, e -> { }, closed[0]::close);
        }
    }

    /** Removes the subscriber, or the catch-up wrapper registered for it. */
    void removeMatching(String destination, Subscriber subscriber) {
        Destination d = destinations.get(destination);
        if (d == null) {
            return;
        }
        Subscriber registered = d.subscribers.contains(subscriber) ? subscriber
                : d.subscribers.stream().filter(s -> s instanceof GaplessSubscriber g && g.wraps(subscriber))
                        .findFirst().orElse(subscriber);
        remove(destination, registered);
    }
}
