package io.livehall.showcase;

import io.livehall.realtime.broker.DestinationPattern;

/**
 * Every realtime destination of the showcase, pattern and builder together ({@code CHAT.with(12)} is
 * {@code /topic/live/12/chat}). The front end mirrors this class in {@code frontend/src/realtime/destinations.ts};
 * docs/api.md describes each one. A live session's room is of type {@link #ROOM_TYPE}: its audience is on
 * {@code /topic/live/{id}/viewers} (registered with presence by {@code live.LiveRoomType}).
 */
public final class ShowcaseDestinations {

    public static final String ROOM_TYPE = "live";

    /** chat lines of a live room (event, replayable) */
    public static final DestinationPattern CHAT = DestinationPattern.of("/topic/live/{liveId}/chat");
    /** like total of a live room (latest value) */
    public static final DestinationPattern LIKES = DestinationPattern.of("/topic/live/{liveId}/likes");
    /** the product being explained (latest value) */
    public static final DestinationPattern PINNED = DestinationPattern.of("/topic/live/{liveId}/pinned");
    /** the session's status changes (latest value) */
    public static final DestinationPattern STATUS = DestinationPattern.of("/topic/live/{liveId}/status");
    /** the flash deal's state, stock left, countdown (latest value) */
    public static final DestinationPattern DEALS = DestinationPattern.of("/topic/live/{liveId}/deals");
    /** order ticker with masked names (event) */
    public static final DestinationPattern ORDERS = DestinationPattern.of("/topic/live/{liveId}/orders");
    /** the merchant's own sales figures of a session (latest value; only that merchant) */
    public static final DestinationPattern MERCHANT_SALES = DestinationPattern.of("/topic/merchant/live/{liveId}/sales");
    /** SEND: a chat line */
    public static final DestinationPattern SEND_CHAT = DestinationPattern.of("/app/live/{liveId}/chat");
    /** SEND: likes, {@code {"count": 1..20}} */
    public static final DestinationPattern SEND_LIKE = DestinationPattern.of("/app/live/{liveId}/like");

    private ShowcaseDestinations() {
    }
}
