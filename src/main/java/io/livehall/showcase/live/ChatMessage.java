package io.livehall.showcase.live;

import java.time.Instant;

/**
 * One chat line in a live room as viewers receive it. Its id is the MESSAGE's {@code x-stream-id}
 * (assigned by the replay stream when it is published), so it is not repeated in the body.
 */
record ChatMessage(String room, String userId, String name, String text, Instant at) {
}
