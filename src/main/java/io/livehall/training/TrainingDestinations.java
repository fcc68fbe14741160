package io.livehall.training;

import io.livehall.realtime.broker.DestinationPattern;
import io.livehall.realtime.presence.RoomTypes;

/**
 * Every realtime destination of trainings, pattern and builder together ({@code STATUS.with(7)} is
 * {@code /topic/training/7/status}). The front end mirrors this class in {@code frontend/src/realtime/destinations.ts};
 * docs/api.md describes each one. A training session's room is of type {@link #ROOM_TYPE}: its audience is on
 * {@link #VIEWERS} (registered with presence by {@link TrainingRoomType}).
 */
public final class TrainingDestinations {

    public static final String ROOM_TYPE = "training";

    /** the audience of a session's room: now, peak, unique, watch time (latest value) */
    public static final DestinationPattern VIEWERS = RoomTypes.viewersTopic(ROOM_TYPE);
    /** the session's status changes (latest value) */
    public static final DestinationPattern STATUS = DestinationPattern.of("/topic/training/{sessionId}/status");

    /** the room's questions: pinned first, then by votes and time, top 50, with totals (latest value, ≤ 2/s) */
    public static final DestinationPattern QA = DestinationPattern.of("/topic/training/{sessionId}/qa");
    /** the session's opened polls with their results (latest value, ≤ 2/s) */
    public static final DestinationPattern POLL = DestinationPattern.of("/topic/training/{sessionId}/poll");
    /** the running check-in: window and count, never the code (latest value, ≤ 2/s) */
    public static final DestinationPattern CHECKIN = DestinationPattern.of("/topic/training/{sessionId}/checkin");
    /** the room's chat lines and hidden-line events (events, replayable) */
    public static final DestinationPattern CHAT = DestinationPattern.of("/topic/training/{sessionId}/chat");
    /** SEND: a chat line, {@code {"text": "..."}} */
    public static final DestinationPattern SEND_CHAT = DestinationPattern.of("/app/training/{sessionId}/chat");

    private TrainingDestinations() {
    }
}
