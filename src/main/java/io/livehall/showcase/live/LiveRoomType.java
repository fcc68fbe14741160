package io.livehall.showcase.live;

import java.util.Set;

import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.realtime.presence.RoomTypes;
import io.livehall.showcase.ShowcaseDestinations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registers live sessions as rooms with presence: a room {@code live:<id>} exists when a live session with that id
 * does (scheduled, live or ended), so viewers are counted only there. The session's staff ({@link LiveStaff}: its
 * own merchant's accounts, organisers, admins) are not counted: the console watching its own room is no viewer.
 */
@Component
class LiveRoomType {

    private static final Set<String> MAYBE_STAFF = Set.of("MERCHANT", "ORGANISER", "ADMIN");

    LiveRoomType(RoomTypes rooms, OnAir onAir, LiveStaff staff) {
        rooms.register(ShowcaseDestinations.ROOM_TYPE, onAir::exists, (id, user) -> isStaff(staff, id, user));
    }

    private static Mono<Boolean> isStaff(LiveStaff staff, String id, RealtimeUser user) {
        // viewers (most connections) are answered without a query
        if (user.guest() || !user.hasAnyRole(MAYBE_STAFF) || !id.matches("\\d{1,18}") || !user.id().matches("\\d{1,18}")) {
            return Mono.just(false);
        }
        return staff.isStaff(Long.parseLong(id), Long.parseLong(user.id()));
    }
}
