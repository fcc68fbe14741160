package io.livehall.showcase.merchant;

/** Where an application stands: SUBMITTED (waiting for review) → APPROVED | REJECTED | CHANGES_REQUESTED → SUBMITTED. */
enum ApplicationStatus {
    SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED
}
