package io.livehall.showcase.live;

/** A session as lists show it: with how many products it presents and who asked to be reminded. */
record ScheduleRow(LiveSession session, int productCount, long reminderCount, boolean reminded) {
}
