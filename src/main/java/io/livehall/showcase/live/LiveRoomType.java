package io.livehall.showcase.live;

import io.livehall.realtime.presence.RoomTypes;
import io.livehall.showcase.ShowcaseDestinations;
import org.springframework.stereotype.Component;

/**
 * Registers live sessions as rooms with presence: a room {@code live:<id>} exists when a live session with that id
 * does (scheduled, live or ended), so viewers are counted only there.
 */
@Component
class LiveRoomType {

    LiveRoomType(RoomTypes rooms, OnAir onAir) {
        rooms.register(ShowcaseDestinations.ROOM_TYPE, onAir::exists);
    }
}
