package io.livehall.common.chat;

import java.time.Instant;

/**
 * One chat line in a room (showcase live room, training room) as viewers receive it. Its id is the MESSAGE's
 * {@code x-stream-id} (assigned by the replay stream when it is published), so it is not repeated in the body.
 */
public record ChatLine(String room, String userId, String name, String text, Instant at) {
}
