package io.livehall.realtime.broker;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What domains use to talk to browsers: publish to a topic or to one user's queue. Payloads are
 * serialised to JSON once and cross instances through Redis. Subscriptions are made by the STOMP layer.
 */
@Service
public class Broker {

    private final RedisBus bus;
    private final LocalSubscriptions local;
    private final DestinationCatalog catalog;
    private final JsonMapper json;
    private final Counter published;

    Broker(RedisBus bus, LocalSubscriptions local, DestinationCatalog catalog, JsonMapper json, MeterRegistry meters) {
        this.bus = bus;
        this.local = local;
        this.catalog = catalog;
        this.json = json;
        this.published = meters.counter("livehall.realtime.published");
    }

    /** Publishes to a registered topic; answers the message's stream id (null for LATEST topics). */
    public Mono<String> publish(String destination, Object payload) {
        DestinationCatalog.Rule rule = catalog.find(destination)
                .orElseThrow(() -> new IllegalArgumentException("Unregistered destination " + destination));
        return publishJson(destination, serialise(payload), rule.kind(), true);
    }

    /** Publishes to {@code /user/queue/<name>} of one user, on whatever instances their connections are. */
    public Mono<Void> publishToUser(String userId, String queue, Object payload) {
        String destination = "/user/" + userId + "/queue/" + queue;
        return publishJson(destination, serialise(payload), DestinationKind.EVENT, false).then();
    }

    Mono<String> publishJson(String destination, String body, DestinationKind kind, boolean replayable) {
        published.increment();
        return bus.publish(destination, body, kind, replayable).map(id -> id.equals("-") ? "" : id);
    }

    /**
     * Subscribes locally. LATEST topics first get their current value; EVENT topics with a {@code replay} first
     * get what it asks for from the replay buffer; then live messages, with no gap and no duplicate. Completes
     * when the subscriber is live: the destination's Redis channel is subscribed and the replay handed over.
     */
    public Mono<Void> subscribe(String destination, Subscriber subscriber, Replay replay) {
        DestinationKind kind = catalog.kindOf(destination);
        boolean catchUp = kind == DestinationKind.LATEST || (replay != null && !UserDestinations.isUserDestination(destination));
        if (!catchUp) {
            return local.add(destination, kind, subscriber);
        }
        GaplessSubscriber gapless = new GaplessSubscriber(subscriber);
        Mono<Void> history = kind == DestinationKind.LATEST
                ? bus.lastValue(destination).filter(v -> !gapless.liveSeen()).doOnNext(gapless::catchUp).then()
                : (replay.since() != null ? bus.replay(destination, replay.since()) : bus.replayLast(destination, replay.last()))
                        .doOnNext(gapless::catchUp).then();
        // live before the answer goes on (doOnTerminate, not doFinally): the live messages held meanwhile are
        // queued ahead of the SUBSCRIBE's RECEIPT, so the client has everything up to the receipt when it comes
        return local.add(destination, kind, gapless)
                .then(history)
                .doOnTerminate(gapless::goLive)
                .doOnCancel(gapless::goLive);
    }

    /**
     * Takes a message out of an EVENT topic's replay buffer (e.g. a chat line a moderator hid), so later
     * subscribers replaying the topic do not get it; answers whether it was still there. Subscribers that already
     * received it are not told: the domain publishes its own "retracted" event for them.
     */
    public Mono<Boolean> retract(String destination, String streamId) {
        if (catalog.kindOf(destination) != DestinationKind.EVENT) {
            throw new IllegalArgumentException("Only event topics keep messages: " + destination);
        }
        return bus.retract(destination, streamId);
    }

    public void unsubscribe(String destination, Subscriber subscriber) {
        local.removeMatching(destination, subscriber);
    }

    private String serialise(Object payload) {
        if (payload instanceof String s) {
            return s;
        }
        return new String(json.writeValueAsBytes(payload), StandardCharsets.UTF_8);
    }
}
