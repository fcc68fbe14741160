package io.livehall.realtime.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.schedule.Periodic;
import io.livehall.realtime.broker.Coalesced;
import io.livehall.realtime.broker.CoalescedPublisher;
import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.realtime.stomp.ConnectionListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who is watching which room. It listens to the STOMP connections ({@link ConnectionListener}): a connection joins
 * a room with its first subscription to one of the room's topics and leaves with its last (or when it disconnects).
 * Rooms are those of the types the domains registered ({@link RoomTypes}) that exist. Changes are published on the room's
 * {@code .../viewers} topic at most once per 600 ms window (so at most twice in any clock second), by one instance of
 * all ({@link CoalescedPublisher}, topic {@code viewers}). A room type's staff ({@link RoomTypes.Staff}) never join.
 * Every instance renews its lease in each room it has members in every {@code livehall.presence.beat-every} (1 s),
 * refreshes its members every 5 s and sweeps members not refreshed for {@link PresenceStore#WINDOW} (20 s): a crashed
 * instance's viewers stop counting when its lease runs out ({@code livehall.presence.lease}, 5 s), the topic reports
 * it within one more beat, and the peak never counts them together with their reconnections elsewhere
 * ({@link PresenceStore}).
 * Members a refresh finds missing (Redis came back empty or failed over) join again, so counts recover within one
 * refresh after Redis returns, without viewers reconnecting.
 */
@Service
public class Presence implements SmartLifecycle, ConnectionListener {

    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(600);
    /** where in each window the count goes out (before the training room's topics, so their fan-outs do not coincide) */
    static final Duration PUBLISH_PHASE = Duration.ofMillis(200);
    /** the count is read this long before a window starts (one Redis call) */
    static final Duration PUBLISH_LEAD = Duration.ofMillis(30);
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);
    /** How often room types' {@link RoomTypes.AudienceTracker}s hear who is in their rooms here. */
    public static final Duration AUDIENCE_INTERVAL = Duration.ofSeconds(10);

    private final PresenceStore store;
    private final RoomTypes types;
    private final MeterRegistry meters;
    /** open connection → its rooms */
    private final Map<String, Rooms> connections = new ConcurrentHashMap<>();
    /** room key → this instance's members (a room nobody here is in has no entry) */
    private final LocalMembers localMembers = new LocalMembers();
    private final Coalesced counts;
    private final Clock clock;
    private final PresenceSettings settings;
    /** the beat, the refresh and the audience report, while started */
    private volatile List<Periodic> loops = List.of();

    Presence(PresenceStore store, RoomTypes types, MeterRegistry meters, Clock clock, CoalescedPublisher coalesced,
             PresenceSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.store = store;
        this.types = types;
        this.meters = meters;
        this.counts = coalesced.register("viewers", PUBLISH_INTERVAL, PUBLISH_PHASE, PUBLISH_LEAD,
                key -> Room.parse(key).viewersTopic(), key -> store.stats(Room.parse(key)));
    }

    /**
     * A connection opened: only connections known here can join rooms, so a SUBSCRIBE still being handled when
     * its connection closes cannot bring the connection back as a member that nobody removes.
     */
    @Override
    public void connected(String connection) {
        connections.putIfAbsent(connection, new Rooms(connection));
    }

    /** Joins the room of the destination, if it is in one that exists and the connection is not in it already. */
    @Override
    public Mono<Void> subscribed(String connection, RealtimeUser user, String destination) {
        return Mono.justOrEmpty(types.roomOf(destination))
                .filterWhen(room -> !connections.containsKey(connection) ? Mono.just(false) : types.exists(room))
                // the room's staff (a live session's merchant at its console, organisers) are not its audience
                .filterWhen(room -> types.isStaff(room, user).map(staff -> !staff))
                .flatMap(room -> {
                    Rooms rooms = connections.get(connection);
                    // accounts (never guests) are reported to the room type's audience tracker
                    if (rooms == null || !rooms.enter(room.key(), user.guest() ? null : user.id())) {
                        return Mono.empty();
                    }
                    // unique viewers are people: an anonymous guest (a new id per connection) would count again on every reconnect
                    String viewer = user.identified() ? user.id() : "";
                    return uncancellable(store.join(room, connection, viewer)).doOnNext(n -> counts.changed(room.key())).then();
                });
    }

    @Override
    public Mono<Void> unsubscribed(String connection, String destination) {
        return Mono.justOrEmpty(types.roomOf(destination)).flatMap(room -> {
            Rooms rooms = connections.get(connection);
            return rooms != null && rooms.exit(room.key()) ? leave(connection, room) : Mono.empty();
        });
    }

    @Override
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

    /**
     * Forgets a room's figures (members, peak, unique viewers, watch time): for a room whose id was used before by
     * something else (e.g. demo data seeded into a fresh database while Redis kept the old figures).
     */
    public Mono<Void> forget(String type, String id) {
        return store.clear(new Room(type, id));
    }

    private Mono<Void> leave(String connection, Room room) {
        return uncancellable(store.leave(room, connection)).doOnNext(n -> counts.changed(room.key())).then();
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

    /**
     * A member still connected here that Redis no longer has (it restarted empty, failed over, or swept this instance
     * after a pause longer than the window) joins again, so the count recovers without the viewer reconnecting. Its
     * account is not added to the unique viewers again (the member is a connection; who it is stays in the HyperLogLog
     * unless Redis lost that too). A connection that leaves between the check and the join counts until the window
     * sweeps it, as a crashed instance's would: this instance no longer refreshes it.
     */
    private Mono<Void> rejoin(Room room, String member) {
        return uncancellable(store.join(room, member, "")).doOnNext(n -> counts.changed(room.key())).then();
    }

    /**
     * Puts this instance's rooms back into the index, then refreshes and sweeps every room in it, joining again its
     * members Redis lost.
     */
    private Mono<Void> refreshAll() {
        return store.index(localMembers.rooms())
                .thenMany(store.activeRooms())
                .flatMap(room -> store.refresh(room, localMembers.of(room.key()))
                        .doOnNext(refreshed -> {
                            if (refreshed.fell()) {
                                counts.changed(room.key());
                            }
                        })
                        .flatMapMany(refreshed -> Flux.fromIterable(refreshed.missing()))
                        .filter(member -> localMembers.of(room.key()).contains(member))
                        .concatMap(member -> rejoin(room, member)))
                .then();
    }

    /** Renews this instance's lease in every room it has members in (and tells the topic of a lapsed one's). */
    private Mono<Void> beatAll() {
        return Flux.fromIterable(localMembers.rooms())
                .flatMap(key -> store.beat(Room.parse(key)).doOnNext(fell -> {
                    if (fell) {
                        counts.changed(key);
                    }
                }))
                .then();
    }

    /**
     * Tells each tracked room type which accounts this instance has in its rooms now. A tracker's failure is logged
     * by {@link Periodic} and touches neither the other rooms nor the counts.
     */
    private Mono<Void> reportAudience() {
        Instant at = clock.instant();
        return Flux.fromIterable(localMembers.rooms())
                .concatMap(key -> {
                    Room room = Room.parse(key);
                    // rooms of types nobody tracks (the showcase's) cost nothing here
                    return types.trackerOf(room).map(tracker -> {
                        Set<String> present = accountsIn(key);
                        if (present.isEmpty()) {
                            return Mono.<Void>empty();
                        }
                        return Mono.defer(() -> tracker.present(room.id(), present, at)).onErrorResume(e -> {
                            meters.counter("livehall.presence.tracker.failures", "type", room.type()).increment();
                            return Mono.empty();
                        });
                    }).orElse(Mono.empty());
                })
                .then();
    }

    /** The accounts (not guests) this instance has in a room now. */
    private Set<String> accountsIn(String roomKey) {
        Set<String> present = new HashSet<>();
        localMembers.of(roomKey).forEach(connection -> {
            Rooms rooms = connections.get(connection);
            String account = rooms == null ? null : rooms.account;
            if (account != null) {
                present.add(account);
            }
        });
        return Set.copyOf(present);
    }

    /** The loops run on {@link Periodic}: a failed or hung run is logged, counted and run again on the next tick. */
    @Override
    public void start() {
        loops = List.of(
                Periodic.start("presence-beat", settings.beatEvery(), settings.lease(), meters, this::beatAll),
                Periodic.start("presence-refresh", REFRESH_INTERVAL, PresenceStore.WINDOW, meters, this::refreshAll),
                Periodic.start("presence-audience", AUDIENCE_INTERVAL, PresenceStore.WINDOW, meters, this::reportAudience));
    }

    @Override
    public void stop() {
        loops.forEach(Periodic::dispose);
    }

    @Override
    public boolean isRunning() {
        return loops.stream().anyMatch(loop -> !loop.isDisposed());
    }

    /** Whether this instance keeps (and refreshes) members of the room. */
    boolean hasLocalMembers(String type, String id) {
        return localMembers.has(new Room(type, id).key());
    }

    /**
     * One connection's rooms and how many of its subscriptions are in each. Entering, leaving and closing are
     * atomic with this instance's member sets; once closed, the connection enters nothing.
     */
    private final class Rooms {

        private final String connection;
        private final Map<String, Integer> subscriptions = new HashMap<>();
        /** the account on this connection, once one of its subscriptions joined a room; null for guests */
        private volatile String account;
        private boolean closed;

        Rooms(String connection) {
            this.connection = connection;
        }

        /** True when this is the connection's first subscription in the room (it joins). */
        synchronized boolean enter(String room, String account) {
            if (closed || subscriptions.merge(room, 1, Integer::sum) > 1) {
                return false;
            }
            if (account != null) {
                this.account = account;
            }
            localMembers.add(room, connection);
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
            localMembers.remove(room, connection);
            return true;
        }

        /** Closes the connection; answers the rooms it leaves. */
        synchronized List<String> close() {
            closed = true;
            List<String> left = List.copyOf(subscriptions.keySet());
            subscriptions.clear();
            left.forEach(room -> localMembers.remove(room, connection));
            return left;
        }
    }
}
