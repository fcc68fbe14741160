package io.livehall.showcase.merchant;

import java.time.Instant;

/**
 * A selection round with its live figures: applications received (all statuses), waiting for review,
 * approved, and places left ({@code quota - approved}, never below zero).
 */
record RoundView(long id, String name, int quota, Instant opensAt, Instant closesAt, boolean open,
                 long received, long pending, long approved, long quotaLeft, Instant createdAt) {
}
