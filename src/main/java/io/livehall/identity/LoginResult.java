package io.livehall.identity;

import java.time.Instant;

/** A bearer access token and who it belongs to. */
record LoginResult(String accessToken, String tokenType, Instant expiresAt, UserView user) {
}
