package io.livehall.realtime.stomp;

import java.util.List;

import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.Replay;
import io.livehall.realtime.broker.UserDestinations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SUBSCRIBE and UNSUBSCRIBE: who may subscribe to what, limits, replay; the {@link ConnectionListener}s (presence)
 * are told of every connection, subscription and disconnection.
 */
@Component
class SubscriptionHandler {

    private static final Log log = LogFactory.getLog(SubscriptionHandler.class);
    static final String REPLAY_SINCE = "x-replay-since";
    static final String REPLAY_LAST = "x-replay-last";
    /** as many as the replay buffer holds */
    static final int REPLAY_LAST_MAX = 1000;

    private final Broker broker;
    private final DestinationCatalog catalog;
    private final List<ConnectionListener> listeners;
    private final RealtimeSettings settings;

    SubscriptionHandler(Broker broker, DestinationCatalog catalog, List<ConnectionListener> listeners,
                        RealtimeSettings settings) {
        this.broker = broker;
        this.catalog = catalog;
        this.listeners = List.copyOf(listeners);
        this.settings = settings;
    }

    Mono<Void> subscribe(StompConnection connection, StompHeaderAccessor headers) {
        String id = headers.getSubscriptionId();
        String destination = headers.getDestination();
        if (id == null || destination == null) {
            throw new StompRefusal("SUBSCRIBE needs id and destination", null);
        }
        String ack = headers.getFirstNativeHeader("ack");
        if (ack != null && !ack.equals("auto")) {
            throw new StompRefusal("Only ack:auto is supported", "ack:" + ack + " is not supported");
        }
        if (connection.subscriptions().containsKey(id)) {
            throw new StompRefusal("Duplicate subscription id " + id, null);
        }
        if (connection.subscriptions().size() >= settings.maxSubscriptions()) {
            throw new StompRefusal("Too many subscriptions", "At most " + settings.maxSubscriptions() + " per connection");
        }
        Replay replay = replay(headers);
        return resolve(connection, destination).flatMap(resolved -> {
            if (connection.subscriptions().containsKey(id)) {
                return Mono.error(new StompRefusal("Duplicate subscription id " + id, null));
            }
            long spacing = UserDestinations.isClientForm(destination) ? 0
                    : catalog.find(destination).map(rule -> rule.spacing().toMillis()).orElse(0L);
            StompSubscription subscription = new StompSubscription(connection, id, destination, resolved, spacing);
            connection.subscriptions().put(id, subscription);
            Mono<Void> subscribing = broker.subscribe(resolved, subscription, replay);
            if (connection.ended()) {
                // the connection closed while the guard was asked: its clean-up may not have seen this one
                connection.subscriptions().remove(id);
                broker.unsubscribe(resolved, subscription);
                return Mono.empty();
            }
            return subscribing.then(Flux.fromIterable(listeners)
                    .concatMap(l -> l.subscribed(connection.id(), connection.user(), destination)).then());
        });
    }

    /** {@code x-replay-since} (a stream id, or 0 for the whole buffer) or {@code x-replay-last} (1–1,000), or none. */
    private static Replay replay(StompHeaderAccessor headers) {
        String since = headers.getFirstNativeHeader(REPLAY_SINCE);
        String last = headers.getFirstNativeHeader(REPLAY_LAST);
        if (since != null && last != null) {
            throw new StompRefusal("Conflicting replay headers", "Use x-replay-since or x-replay-last, not both");
        }
        if (since != null) {
            if (!since.matches("0|\\d{1,20}-\\d{1,20}")) {
                throw new StompRefusal("Invalid x-replay-since", "Expected a stream id such as 1700000000000-0");
            }
            return Replay.since(since);
        }
        if (last != null) {
            int count = last.matches("\\d{1,4}") ? Integer.parseInt(last) : 0;
            if (count < 1 || count > REPLAY_LAST_MAX) {
                throw new StompRefusal("Invalid x-replay-last", "Expected a count from 1 to " + REPLAY_LAST_MAX);
            }
            return Replay.last(count);
        }
        return null;
    }

    /** The internal destination, or a refusal; a domain's guard (if any) is asked without blocking. */
    private Mono<String> resolve(StompConnection connection, String destination) {
        if (UserDestinations.isClientForm(destination)) {
            return Mono.just(connection.userDestination(destination));
        }
        DestinationCatalog.Rule rule = catalog.find(destination)
                .orElseThrow(() -> new StompRefusal("Unknown destination", destination + " does not exist"));
        if (!rule.access().allows(connection.user())) {
            throw new StompRefusal("Not allowed", "You may not subscribe to " + destination);
        }
        if (rule.access().guard() == null) {
            return Mono.just(destination);
        }
        return rule.access().check(connection.user(), DestinationCatalog.variables(rule, destination))
                .onErrorReturn(false)
                .flatMap(allowed -> allowed ? Mono.just(destination)
                        : Mono.error(new StompRefusal("Not allowed", "You may not subscribe to " + destination)));
    }

    Mono<Void> unsubscribe(StompConnection connection, StompHeaderAccessor headers) {
        String id = headers.getSubscriptionId();
        if (id == null) {
            throw new StompRefusal("UNSUBSCRIBE needs id", null);
        }
        StompSubscription subscription = connection.subscriptions().remove(id);
        if (subscription == null) {
            return Mono.empty();
        }
        broker.unsubscribe(subscription.destination(), subscription);
        return Flux.fromIterable(listeners)
                .concatMap(l -> l.unsubscribed(connection.id(), subscription.clientDestination())).then();
    }

    void connected(StompConnection connection) {
        listeners.forEach(l -> l.connected(connection.id()));
    }

    void unsubscribeAll(StompConnection connection) {
        connection.subscriptions().values().forEach(s -> broker.unsubscribe(s.destination(), s));
        connection.subscriptions().clear();
        Flux.fromIterable(listeners).concatMap(l -> l.disconnected(connection.id()))
                .subscribe(v -> { }, e -> log.warn("A listener failed on the end of connection " + connection.id(), e));
    }
}
