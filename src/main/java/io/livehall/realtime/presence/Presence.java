package io.livehall.realtime.presence;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.realtime.broker.RealtimeUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who is watching which room. A connection joins a room with its first subscription to one of the room's
 * topics and leaves with its last (or when it disconnects). Changes are published on the room's
 * {@code .../viewers} topic at most twice a second. Every instance refreshes its members every 5 s and sweeps
 * members not refreshed for {@link PresenceStore#WINDOW} (20 s): a crashed instance's viewers stop counting
 * within 20 s and the topic reports it within 25 s.
 */
@Service
public class Presence implements SmartLifecycle {

    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(500);
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);
    private static final Log log = LogFactory.getLog(Presence.class);

    private final PresenceStore store;
    private final Broker broker;
    /** connection → room key → number of its subscriptions in that room */
    private final Map<String, Map<String, Integer>> connections = new ConcurrentHashMap<>();
    /** room key → this instance's members */
    private final Map<String, Set<String>> localMembers = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private volatile Disposable publisher;
    private volatile Disposable refresher;

    Presence(PresenceStore store, Broker broker, DestinationCatalog catalog) {
        this.store = store;
        this.broker = broker;
        for (String type : new String[] {"live", "training", "fair"}) {
            catalog.register("/topic/" + type + "/{id}/viewers", DestinationKind.LATEST, Access.PUBLIC);
        }
    }

    public Mono<Void> subscribed(String connection, RealtimeUser user, String destination) {
        return Mono.justOrEmpty(Room.of(destination)).flatMap(room -> {
            int[] before = new int[1];
            connections.computeIfAbsent(connection, c -> new ConcurrentHashMap<>())
                    .compute(room.key(), (k, n) -> {
                        before[0] = n == null ? 0 : n;
                        return before[0] + 1;
                    });
            if (before[0] > 0) {
                return Mono.empty();
            }
            localMembers.computeIfAbsent(room.key(), k -> ConcurrentHashMap.newKeySet()).add(connection);
            return uncancellable(store.join(room, connection, user.id())).doOnNext(n -> dirty.add(room.key())).then();
        });
    }

    public Mono<Void> unsubscribed(String connection, String destination) {
        return Mono.justOrEmpty(Room.of(destination)).flatMap(room -> {
            Map<String, Integer> rooms = connections.get(connection);
            if (rooms == null) {
                return Mono.empty();
            }
            Integer left = rooms.computeIfPresent(room.key(), (k, n) -> n <= 1 ? null : n - 1);
            return left == null ? leave(connection, room) : Mono.empty();
        });
    }

    public Mono<Void> disconnected(String connection) {
        Map<String, Integer> rooms = connections.remove(connection);
        if (rooms == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(rooms.keySet()).map(Room::parse).concatMap(room -> leave(connection, room)).then();
    }

    /** Current audience of a room (for domains, e.g. to persist watch time at the end of a live session). */
    public Mono<Viewers> viewers(String type, String id) {
        return store.stats(new Room(type, id));
    }

    private Mono<Void> leave(String connection, Room room) {
        Set<String> members = localMembers.get(room.key());
        if (members != null) {
            members.remove(connection);
        }
        return uncancellable(store.leave(room, connection)).doOnNext(n -> dirty.add(room.key())).then();
    }

    /**
     * Sends a join or leave to Redis at once and lets it finish even if the caller cancels: a connection that
     * closes while its SUBSCRIBE or UNSUBSCRIBE is handled cancels that frame, but the bookkeeping above has
     * already changed, so Redis must follow. (A cancelled leave would otherwise stay a member that nobody
     * removes until the window sweeps it.)
     */
    private static Mono<Long> uncancellable(Mono<Long> change) {
        return Mono.fromFuture(change.toFuture(), true);
    }

    private Mono<Void> publishDirty() {
        return Flux.fromIterable(Set.copyOf(dirty))
                .flatMap(key -> {
                    Room room = Room.parse(key);
                    return store.claimPublish(room, PUBLISH_INTERVAL).flatMap(claimed -> {
                        if (!claimed) {
                            return Mono.empty();
                        }
                        dirty.remove(key);
                        return store.stats(room).flatMap(v -> broker.publish(room.viewersTopic(), v)).then();
                    });
                })
                .then();
    }

    private Mono<Void> refreshAll() {
        return store.activeRooms()
                .flatMap(room -> store.refresh(room, localMembers.getOrDefault(room.key(), Set.of()))
                        .doOnNext(swept -> {
                            if (swept > 0) {
                                dirty.add(room.key());
                            }
                        }))
                .then();
    }

    /**
     * Ticks skip while the previous run is still busy (a slow Redis, a long GC pause): without the drop,
     * {@code Flux.interval} fails with an overflow as soon as one run outlasts an interval, and the loop is over.
     */
    @Override
    public void start() {
        publisher = Flux.interval(PUBLISH_INTERVAL)
                .onBackpressureDrop()
                .concatMap(n -> publishDirty().onErrorResume(e -> {
                    log.warn("Publishing presence failed", e);
                    return Mono.empty();
                }))
                .subscribe();
        refresher = Flux.interval(REFRESH_INTERVAL)
                .onBackpressureDrop()
                .concatMap(n -> refreshAll().onErrorResume(e -> {
                    log.warn("Refreshing presence failed", e);
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        if (publisher != null) {
            publisher.dispose();
        }
        if (refresher != null) {
            refresher.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return publisher != null && !publisher.isDisposed();
    }
}
