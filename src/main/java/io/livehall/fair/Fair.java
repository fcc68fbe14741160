package io.livehall.fair;

import java.time.Instant;

/** A fair as stored, with its creating organiser's display name. */
public record Fair(long id, long organiserId, String organiser, String title, FairKind kind, FairMode mode,
                   FairVisibility visibility, FairStatus status, Instant startsAt, Instant endsAt, String region,
                   String venue, String summary, int capacity, Long coverFileId, Instant createdAt, Instant updatedAt) {

    /** Whether it has ended at {@code now}. */
    public boolean endedAt(Instant now) {
        return !now.isBefore(endsAt);
    }
}
