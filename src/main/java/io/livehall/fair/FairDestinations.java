package io.livehall.fair;

import io.livehall.realtime.broker.DestinationPattern;
import io.livehall.realtime.presence.RoomTypes;

/**
 * Every realtime destination of fairs, pattern and builder together ({@code KPI.with(7)} is {@code /topic/fair/7/kpi}).
 * The front end mirrors this class in {@code frontend/src/realtime/destinations.ts}; docs/api.md describes each one.
 * A financing fair's roadshow is a room of type {@link #ROADSHOW_ROOM_TYPE} (its id: the fair's id), its audience on
 * {@link #ROADSHOW_VIEWERS}.
 */
public final class FairDestinations {

    public static final String ROADSHOW_ROOM_TYPE = "roadshow";

    /** the organisers' live KPIs of a fair (latest value, coalesced) */
    public static final DestinationPattern KPI = DestinationPattern.of("/topic/fair/{fairId}/kpi");
    /** the audience of a fair's roadshow room: now, peak, unique (latest value) */
    public static final DestinationPattern ROADSHOW_VIEWERS = RoomTypes.viewersTopic(ROADSHOW_ROOM_TYPE);
    /** a roadshow's stage: the stream, the project pitching now, each project's 感兴趣 count (latest value) */
    public static final DestinationPattern ROADSHOW_STAGE = DestinationPattern.of("/topic/roadshow/{fairId}/stage");
    /** a roadshow's investor questions, most upvoted first (latest value, coalesced) */
    public static final DestinationPattern ROADSHOW_QA = DestinationPattern.of("/topic/roadshow/{fairId}/qa");

    private FairDestinations() {
    }
}
