package io.livehall.fair.meeting;

import java.util.Map;

import io.livehall.fair.FairDestinations;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairStaff;
import io.livehall.fair.FairStatus;
import io.livehall.fair.Fairs;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.realtime.presence.RoomTypes;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registers the roadshow room type (a room {@code roadshow:<fairId>} exists for a published ROADSHOW fair; its
 * organisers are staff, not counted as viewers) and its stage and Q&A topics, which only the fair's approved
 * participants and its organisers may subscribe to.
 */
@Component
class RoadshowRoom {

    private final Fairs fairs;
    private final Roadshow roadshow;

    RoadshowRoom(RoomTypes rooms, DestinationCatalog catalog, Fairs fairs, Roadshow roadshow) {
        this.fairs = fairs;
        this.roadshow = roadshow;
        rooms.register(FairDestinations.ROADSHOW_ROOM_TYPE, this::exists, this::isStaff);
        Access members = Access.ACCOUNTS.guardedBy(this::admits);
        // coalesced (RoadshowSnapshots): each member gets them at most once per window as well
        catalog.registerCoalesced(FairDestinations.ROADSHOW_STAGE, members, RoadshowSnapshots.WINDOW);
        catalog.registerCoalesced(FairDestinations.ROADSHOW_QA, members, RoadshowSnapshots.WINDOW);
    }

    Mono<Boolean> exists(String id) {
        if (!id.matches("\\d{1,18}")) {
            return Mono.just(false);
        }
        return fairs.find(Long.parseLong(id))
                .map(f -> f.kind() == FairKind.ROADSHOW && f.status() == FairStatus.PUBLISHED).defaultIfEmpty(false);
    }

    Mono<Boolean> isStaff(String id, RealtimeUser user) {
        if (user.guest() || !id.matches("\\d{1,18}") || !user.id().matches("\\d{1,18}")) {
            return Mono.just(false);
        }
        return fairs.runs(staff(user), Long.parseLong(id));
    }

    Mono<Boolean> admits(RealtimeUser user, Map<String, String> variables) {
        String fairId = variables.get("fairId");
        if (user.guest() || fairId == null || !fairId.matches("\\d{1,18}") || !user.id().matches("\\d{1,18}")) {
            return Mono.just(false);
        }
        return roadshow.admits(Long.parseLong(fairId), staff(user));
    }

    private static FairStaff staff(RealtimeUser user) {
        return new FairStaff(Long.parseLong(user.id()), user.roles().contains("ADMIN"));
    }
}
