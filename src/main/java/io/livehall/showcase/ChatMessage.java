package io.livehall.showcase;

import java.time.Instant;

/** One chat line in a live room as viewers receive it. */
record ChatMessage(String id, String room, String userId, String name, String text, Instant at) {
}
