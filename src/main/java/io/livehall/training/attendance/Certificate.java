package io.livehall.training.attendance;

import java.time.Instant;

/** An issued certificate of completion; {@code code} verifies it publicly. */
record Certificate(String code, long sessionId, long userId, String holderName, int watchSeconds, Instant issuedAt) {
}
