package io.livehall.identity;

import java.time.Instant;

/**
 * A request to join an enterprise, as stored and as shown: to the requester (their own requests) and to the
 * enterprise's first account, who decides it (the requester's display name and username identify them).
 */
record JoinRequest(long id, long enterpriseId, String enterpriseName, long userId, String userDisplayName,
                   String username, JoinRequestStatus status, Instant createdAt, Instant decidedAt) {
}
