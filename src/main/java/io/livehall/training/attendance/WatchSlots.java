package io.livehall.training.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.realtime.presence.RoomTypes;
import io.livehall.training.TrainingDestinations;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records live attendance from presence: told every 10 s which accounts this instance has in a training session's
 * room, it gives each of them the current 30-second {@link #SLOT} while the session is LIVE (waiting on the countdown
 * page before the start is not attendance). The table's key makes a slot count once however many tabs, instances or
 * reconnects report it; this instance also remembers which accounts it wrote for the current slot, so a room of
 * 10,000 writes each person once per slot, not once per report.
 */
@Component
class WatchSlots {

    static final Duration SLOT = Duration.ofSeconds(30);

    /** what this instance wrote for a session's current slot */
    private record Written(Instant slot, Set<Long> users) {
    }

    private final AttendanceRepository repository;
    private final TrainingSessions sessions;
    private final Map<Long, Written> written = new ConcurrentHashMap<>();

    WatchSlots(RoomTypes rooms, AttendanceRepository repository, TrainingSessions sessions) {
        this.repository = repository;
        this.sessions = sessions;
        rooms.track(TrainingDestinations.ROOM_TYPE, this::present);
    }

    static Instant slotOf(Instant at) {
        long seconds = SLOT.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    Mono<Void> present(String roomId, Set<String> accountIds, Instant at) {
        if (!roomId.matches("\\d{1,18}")) {
            return Mono.empty();
        }
        long sessionId = Long.parseLong(roomId);
        Instant slot = slotOf(at);
        forgetOlderThan(slot);
        return sessions.find(sessionId)
                .filter(s -> s.status() == TrainingStatus.LIVE)
                .flatMap(s -> {
                    Written now = written.compute(sessionId, (k, w) -> w != null && w.slot().equals(slot) ? w
                            : new Written(slot, ConcurrentHashMap.newKeySet()));
                    List<Long> fresh = accountIds.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::parseLong)
                            .filter(id -> !now.users().contains(id)).toList();
                    if (fresh.isEmpty()) {
                        return Mono.empty();
                    }
                    return repository.insertSlots(sessionId, fresh, slot).doOnSuccess(n -> now.users().addAll(fresh));
                })
                .then();
    }

    /** Sessions nobody here reported for two slots (ended, or their viewers left) are forgotten. */
    private void forgetOlderThan(Instant slot) {
        Instant oldest = slot.minus(SLOT.multipliedBy(2));
        written.values().removeIf(w -> w.slot().isBefore(oldest));
    }
}
