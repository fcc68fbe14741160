package io.livehall.fair.meeting;

/** An offline table (洽谈桌) or an online meeting room (with its link) where a fair's meetings happen. */
record Place(long id, long fairId, String kind, String name, String link, int position, boolean active) {
}
