package io.livehall.training.registration;

import java.util.Set;

/** A registration's state; a cancelled or rejected one may register again (the same row takes a new state). */
enum RegistrationState {
    CONFIRMED("已报名"), WAITLISTED("候补中"), PENDING("待审核"), REJECTED("未通过"), CANCELLED("已取消");

    /** the states that hold a place (or a place in line): registering again is a repeat, cancelling is allowed */
    static final Set<RegistrationState> ACTIVE = Set.of(CONFIRMED, WAITLISTED, PENDING);

    private final String label;

    RegistrationState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
