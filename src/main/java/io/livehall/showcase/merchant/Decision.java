package io.livehall.showcase.merchant;

/** An organiser's decision on a submitted application, and the status it leads to. */
enum Decision {
    APPROVE(ApplicationStatus.APPROVED, false),
    REJECT(ApplicationStatus.REJECTED, true),
    REQUEST_CHANGES(ApplicationStatus.CHANGES_REQUESTED, true);

    private final ApplicationStatus outcome;
    private final boolean needsReason;

    Decision(ApplicationStatus outcome, boolean needsReason) {
        this.outcome = outcome;
        this.needsReason = needsReason;
    }

    ApplicationStatus outcome() {
        return outcome;
    }

    boolean needsReason() {
        return needsReason;
    }
}
