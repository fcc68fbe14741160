package io.livehall.fair.meeting;

import java.time.Instant;

/** A bookable time of a fair, with how many of its places are still free then and how many meetings it holds. */
record Slot(long id, long fairId, Instant startsAt, Instant endsAt, int freePlaces, int booked) {
}
