package io.livehall.training.attendance;

/** A session room's audience: peak concurrent viewers, unique viewers, total watch time (guests included). */
record RoomFigures(long peak, long unique, long watchSeconds) {
}
