package io.livehall.showcase.merchant;

import java.time.Instant;

/** What an applicant sees of a round that accepts applications now. */
record OpenRound(long id, String name, int quota, Instant opensAt, Instant closesAt) {
}
