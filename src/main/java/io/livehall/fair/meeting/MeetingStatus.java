package io.livehall.fair.meeting;

/**
 * REQUESTED → BOOKED (the invitee accepted, picking a slot; a place is assigned) or DECLINED (with a reason) or
 * CANCELLED (either side); BOOKED → CANCELLED before it starts, HELD (both sides confirmed, or the organisers marked
 * it) or NO_SHOW (the organisers marked it).
 */
enum MeetingStatus {
    REQUESTED, DECLINED, BOOKED, CANCELLED, HELD, NO_SHOW;

    /** Whether the meeting holds a slot, a place and its attendees' time. */
    boolean booked() {
        return this == BOOKED || this == HELD || this == NO_SHOW;
    }
}
