package io.livehall.training.attendance;

import io.livehall.realtime.presence.Presence;
import io.livehall.training.TrainingDestinations;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessionListener;
import io.livehall.training.TrainingStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When a session ends, keeps its room's figures (peak, unique viewers, total watch time) from presence in PostgreSQL:
 * Redis may be lost and forgets a room two days after its last visit, but the report must not.
 */
@Component
class RoomFiguresKeeper implements TrainingSessionListener {

    private final Presence presence;
    private final AttendanceRepository repository;

    RoomFiguresKeeper(Presence presence, AttendanceRepository repository) {
        this.presence = presence;
        this.repository = repository;
    }

    @Override
    public Mono<Void> changed(TrainingSession session) {
        if (session.status() != TrainingStatus.ENDED) {
            return Mono.empty();
        }
        return figures(session);
    }

    Mono<Void> figures(TrainingSession session) {
        return presence.viewers(TrainingDestinations.ROOM_TYPE, Long.toString(session.id()))
                .flatMap(v -> repository.keepFigures(session.id(), v));
    }

    /** The room's figures: from presence while live (or when none were kept), else those kept at the end. */
    Mono<RoomFigures> of(TrainingSession session) {
        Mono<RoomFigures> live = presence.viewers(TrainingDestinations.ROOM_TYPE, Long.toString(session.id()))
                .map(v -> new RoomFigures(v.peak(), v.unique(), v.watchSeconds()));
        if (session.status() == TrainingStatus.LIVE || session.status() == TrainingStatus.SCHEDULED) {
            return live.defaultIfEmpty(new RoomFigures(0, 0, 0));
        }
        return repository.keptFigures(session.id()).switchIfEmpty(live).defaultIfEmpty(new RoomFigures(0, 0, 0));
    }
}
