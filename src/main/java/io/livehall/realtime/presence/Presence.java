package io.livehall.realtime.presence;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
    /** open connection → its rooms */
    private final Map<String, Rooms> connections = new ConcurrentHashMap<>();
    /** room key → this instance's members (a room nobody here is in has no entry) */
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

    /**
     * A connection opened: only connections known here can join rooms, so a SUBSCRIBE still being handled when
     * its connection closes cannot bring the connection back as a member that nobody removes.
     */
    public void connected(String connection) {
        connections.putIfAbsent(connection, new Rooms(connection));
    }

    public Mono<Void> subscribed(String connection, RealtimeUser user, String destination) {
        return Mono.justOrEmpty(Room.of(destination)).flatMap(room -> {
            Rooms rooms = connections.get(connection);
            if (rooms == null || !rooms.enter(room.key())) {
                return Mono.empty();
            }
            return uncancellable(store.join(room, connection, user.id())).doOnNext(n -> dirty.add(room.key())).then();
        });
    }

    public Mono<Void> unsubscribed(String connection, String destination) {
        return Mono.justOrEmpty(Room.of(destination)).flatMap(room -> {
            Rooms rooms = connections.get(connection);
            return rooms != null && rooms.exit(room.key()) ? leave(connection, room) : Mono.empty();
        });
    }

    public Mono<Void> disconnected(String connection) {
        Rooms rooms = connections.remove(connection);
        if (rooms == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(rooms.close()).map(Room::parse).concatMap(room -> leave(connection, room)).then();
    }

    /** Current audience of a room (for domains, e.g. to persist watch time at the end of a live session). */
    public Mono<Viewers> viewers(String type, String id) {
        return store.stats(new Room(type, id));
    }

    private Mono<Void> leave(String connection, Room room) {
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

    /** Whether this instance keeps (and refreshes) members of the room. */
    boolean hasLocalMembers(String type, String id) {
        return localMembers.containsKey(new Room(type, id).key());
    }

    private void addLocal(String room, String connection) {
        localMembers.compute(room, (k, members) -> {
            Set<String> set = members != null ? members : ConcurrentHashMap.newKeySet();
            set.add(connection);
            return set;
        });
    }

    private void removeLocal(String room, String connection) {
        localMembers.computeIfPresent(room, (k, members) -> {
            members.remove(connection);
            return members.isEmpty() ? null : members;
        });
    }

    /**
     * One connection's rooms and how many of its subscriptions are in each. Entering, leaving and closing are
     * atomic with this instance's member sets; once closed, the connection enters nothing.
     */
    private final class Rooms {

        private final String connection;
        private final Map<String, Integer> subscriptions = new HashMap<>();
        private boolean closed;

        Rooms(String connection) {
            this.connection = connection;
        }

        /** True when this is the connection's first subscription in the room (it joins). */
        synchronized boolean enter(String room) {
            if (closed || subscriptions.merge(room, 1, Integer::sum) > 1) {
                return false;
            }
            addLocal(room, connection);
            return true;
        }

        /** True when this was the connection's last subscription in the room (it leaves). */
        synchronized boolean exit(String room) {
            Integer n = subscriptions.get(room);
            if (closed || n == null) {
                return false;
            }
            if (n > 1) {
                subscriptions.put(room, n - 1);
                return false;
            }
            subscriptions.remove(room);
            removeLocal(room, connection);
            return true;
        }

        /** Closes the connection; answers the rooms it leaves. */
        synchronized List<String> close() {
            closed = true;
            List<String> left = List.copyOf(subscriptions.keySet());
            subscriptions.clear();
            left.forEach(room -> removeLocal(room, connection));
            return left;
        }
    }
}
