package io.livehall.identity;

/** Where a request to join an enterprise stands. */
enum JoinRequestStatus {
    PENDING, APPROVED, REJECTED, CANCELLED
}
