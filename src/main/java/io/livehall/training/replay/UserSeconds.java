package io.livehall.training.replay;

/** A logged-in user's replay watch time of one session, in seconds (for attendance: live and replay apart). */
public record UserSeconds(long userId, long seconds) {
}
