package io.livehall.training;

import java.time.Instant;

import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.realtime.presence.RoomTypes;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registers training sessions as rooms with presence (a room {@code training:<id>} exists when a session with that id
 * does, so made-up ids create nothing) and publishes status changes on {@code /topic/training/{id}/status} (latest
 * value), so an open session page starts and stops its player without reloading.
 */
@Component
class TrainingRoomType {

    /** {@code /topic/training/{id}/status} payload. */
    record StatusEvent(long sessionId, TrainingStatus status, Instant startedAt, Instant endedAt) {
    }

    private final TrainingRepository repository;
    private final Broker broker;

    TrainingRoomType(RoomTypes rooms, TrainingRepository repository, Broker broker, DestinationCatalog catalog) {
        this.repository = repository;
        this.broker = broker;
        rooms.register(TrainingDestinations.ROOM_TYPE, this::exists);
        catalog.register(TrainingDestinations.STATUS, DestinationKind.LATEST, Access.PUBLIC);
    }

    Mono<Boolean> exists(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Mono.just(false);
        }
        return repository.status(Long.parseLong(id)).hasElement();
    }

    /** After a committed transition: tell open pages. */
    Mono<Void> changed(TrainingSession s) {
        return broker.publish(TrainingDestinations.STATUS.with(s.id()),
                new StatusEvent(s.id(), s.status(), s.startedAt(), s.endedAt())).then();
    }
}
