package io.livehall.training;

import java.time.Instant;
import java.util.Set;

import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.realtime.presence.RoomTypes;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registers training sessions as rooms with presence (a room {@code training:<id>} exists when a session with that id
 * does, so made-up ids create nothing) and publishes status changes on {@code /topic/training/{id}/status} (latest
 * value), so an open session page starts and stops its player without reloading. The series' organiser and admins are
 * the room's staff ({@link #isStaff}): not counted as viewers.
 */
@Component
class TrainingRoomType {

    /** {@code /topic/training/{id}/status} payload. */
    record StatusEvent(long sessionId, TrainingStatus status, Instant startedAt, Instant endedAt) {
    }

    private static final Set<String> STAFF_ROLES = Set.of("ORGANISER", "ADMIN");

    private final TrainingRepository repository;
    private final Broker broker;

    TrainingRoomType(RoomTypes rooms, TrainingRepository repository, Broker broker, DestinationCatalog catalog) {
        this.repository = repository;
        this.broker = broker;
        rooms.register(TrainingDestinations.ROOM_TYPE, this::exists, this::isStaff);
        catalog.register(TrainingDestinations.STATUS, DestinationKind.LATEST, Access.PUBLIC);
    }

    Mono<Boolean> exists(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Mono.just(false);
        }
        return repository.status(Long.parseLong(id)).hasElement();
    }

    /**
     * The series' own organiser and admins run the room rather than watch it: not counted among its viewers. Other
     * organisers watching are viewers like anyone. Viewers (most connections) are answered without a query.
     */
    Mono<Boolean> isStaff(String id, RealtimeUser user) {
        if (user.guest() || !user.hasAnyRole(STAFF_ROLES) || !id.matches("\\d{1,18}")) {
            return Mono.just(false);
        }
        if (user.roles().contains("ADMIN")) {
            return Mono.just(true);
        }
        return repository.session(Long.parseLong(id)).map(s -> String.valueOf(s.organiserId()).equals(user.id()))
                .defaultIfEmpty(false);
    }

    /** After a committed transition: tell open pages. */
    Mono<Void> changed(TrainingSession s) {
        return broker.publish(TrainingDestinations.STATUS.with(s.id()),
                new StatusEvent(s.id(), s.status(), s.startedAt(), s.endedAt())).then();
    }
}
