package io.livehall.fair.meeting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The invitee accepts, picking the slot; a free table or room is assigned. */
record AcceptRequest(@NotNull(message = "请选择洽谈时段") @Positive(message = "请选择洽谈时段") Long slotId) {
}
