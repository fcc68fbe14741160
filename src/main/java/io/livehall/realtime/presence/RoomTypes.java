package io.livehall.realtime.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationPattern;
import io.livehall.realtime.broker.RealtimeUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The kinds of room people watch together, registered by the domains (showcase registers {@code live}, trainings
 * {@code training}, fairs {@code fair}); realtime itself knows none. A room type says which rooms exist: only a
 * subscription to a room that exists joins it, so made-up ids ({@code /topic/fair/<random>/viewers}) create nothing
 * in Redis. Answers are remembered briefly (a room that exists for a minute, one that does not for five seconds), so
 * a crowd entering a room asks the domain once, not once per viewer.
 */
@Component
public class RoomTypes {

    /** Whether a room of this type exists; must not block. */
    @FunctionalInterface
    public interface Existence {
        Mono<Boolean> exists(String id);
    }

    /**
     * Whether an account runs the room rather than watches it (e.g. a live session's own merchant at its console):
     * its connections do not join the room, so they are not counted as viewers. Must not block.
     */
    @FunctionalInterface
    public interface Staff {
        Mono<Boolean> isStaff(String id, RealtimeUser user);
    }

    /**
     * Told, every {@link Presence#AUDIENCE_INTERVAL} by each instance, which accounts (never guests) this instance has
     * in a room of the type: for domains that keep per-person attendance (e.g. a training's watch time). The same
     * account on two instances or two tabs is reported by each, so a tracker must record idempotently. Must not block.
     */
    @FunctionalInterface
    public interface AudienceTracker {
        Mono<Void> present(String id, Set<String> accountIds, Instant at);
    }

    static final Duration REMEMBER_EXISTING = Duration.ofMinutes(1);
    static final Duration REMEMBER_MISSING = Duration.ofSeconds(5);
    static final int REMEMBERED_MAX = 20_000;
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern TOPIC = Pattern.compile("^/topic/([a-z][a-z0-9-]{0,19})/([A-Za-z0-9_-]{1,64})/");

    private record Answer(boolean exists, long until) {
    }

    private final DestinationCatalog catalog;
    private final Clock clock;
    private final Map<String, Existence> types = new ConcurrentHashMap<>();
    private final Map<String, Staff> staff = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AudienceTracker> trackers = new ConcurrentHashMap<>();

    RoomTypes(DestinationCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Registers a room type and its {@code /topic/<type>/{id}/viewers} topic (latest value, coalesced, public). */
    public void register(String type, Existence existence) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Invalid room type " + type);
        }
        if (types.putIfAbsent(type, existence) != null) {
            throw new IllegalStateException("Room type " + type + " is registered twice");
        }
        catalog.registerCoalesced(viewersTopic(type), Access.PUBLIC, Presence.PUBLISH_INTERVAL);
    }

    /** Registers a room type whose staff ({@link Staff}) are not counted among its viewers. */
    public void register(String type, Existence existence, Staff staffOfRoom) {
        register(type, existence);
        staff.put(type, staffOfRoom);
    }

    /** Registers the tracker of a registered room type's audience (one per type). */
    public void track(String type, AudienceTracker tracker) {
        if (!types.containsKey(type)) {
            throw new IllegalStateException("Room type " + type + " is not registered");
        }
        if (trackers.putIfAbsent(type, tracker) != null) {
            throw new IllegalStateException("Room type " + type + " has a tracker already");
        }
    }

    /** The tracker of a room's type, if it has one. */
    Optional<AudienceTracker> trackerOf(Room room) {
        return Optional.ofNullable(trackers.get(room.type()));
    }

    /** Whether the user is staff of the room (never a guest); false for types without staff. */
    Mono<Boolean> isStaff(Room room, RealtimeUser user) {
        Staff rule = staff.get(room.type());
        if (rule == null || user.guest()) {
            return Mono.just(false);
        }
        return Mono.defer(() -> rule.isStaff(room.id(), user)).defaultIfEmpty(false).onErrorReturn(false);
    }

    /** {@code /topic/<type>/{id}/viewers}: the audience of one room (count now, peak, unique, watch time). */
    public static DestinationPattern viewersTopic(String type) {
        return DestinationPattern.of("/topic/" + type + "/{id}/viewers");
    }

    /** The room a destination belongs to, if its type is registered: {@code /topic/live/12/chat} is in {@code live:12}. */
    Optional<Room> roomOf(String destination) {
        Matcher m = TOPIC.matcher(destination);
        if (!m.find() || !types.containsKey(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new Room(m.group(1), m.group(2)));
    }

    Mono<Boolean> exists(Room room) {
        Existence existence = types.get(room.type());
        if (existence == null) {
            return Mono.just(false);
        }
        long now = clock.millis();
        Answer known = answers.get(room.key());
        if (known != null && known.until() > now) {
            return Mono.just(known.exists());
        }
        return Mono.defer(() -> existence.exists(room.id()))
                .defaultIfEmpty(false)
                .doOnNext(exists -> remember(room, exists));
    }

    private void remember(Room room, boolean exists) {
        if (answers.size() >= REMEMBERED_MAX) {
            long now = clock.millis();
            answers.values().removeIf(a -> a.until() <= now);
            if (answers.size() >= REMEMBERED_MAX) {
                answers.clear();
            }
        }
        long ttl = (exists ? REMEMBER_EXISTING : REMEMBER_MISSING).toMillis();
        answers.put(room.key(), new Answer(exists, clock.millis() + ttl));
    }
}
