package io.livehall.fair.meeting;

import java.time.Instant;
import java.util.List;

import io.livehall.fair.ParticipantRole;

/**
 * A meeting between two participants of a fair as its attendees and organisers see it: who asked whom, the message,
 * the preferred slots, and once booked the time and the place (an online room's link included).
 */
record Meeting(long id, long fairId, Party requester, Party invitee, String message, List<Long> preferredSlots,
               MeetingStatus status, String reason, Long slotId, Where place, Instant startsAt, Instant endsAt,
               boolean requesterHeld, boolean inviteeHeld, Instant createdAt, Instant updatedAt) {

    /** One side: the participant, its enterprise's name and its role at the fair. */
    record Party(long participantId, String enterprise, ParticipantRole role) {
    }

    /** Where it happens: 洽谈桌 or an online room (with its link). */
    record Where(long id, String kind, String name, String link) {
    }

    /** Whether the participant is one of the two sides. */
    boolean involves(long participantId) {
        return requester.participantId() == participantId || invitee.participantId() == participantId;
    }

    /** The other side of the participant. */
    Party other(long participantId) {
        return requester.participantId() == participantId ? invitee : requester;
    }
}
