package io.livehall.training.attendance;

import java.time.Instant;
import java.util.List;

/** What the attendance endpoints answer. Seconds are whole seconds; times UTC (the UI shows Asia/Shanghai). */
final class AttendanceViews {

    private AttendanceViews() {
    }

    /** A session's figures for its organiser. */
    record Summary(long sessionId, String sessionTitle, String seriesTitle, String status, Instant startsAt,
                   long registered, long attended, long peakViewers, long uniqueViewers, long roomWatchSeconds,
                   long attendeeWatchSeconds, long averageWatchSeconds, long checkedIn, Double checkInRate,
                   long questions, long replayViews, long replayWatchSeconds, int certificateMinutes,
                   boolean certificateCountsReplay, long eligible) {
    }

    /** One attendee's row. */
    record AttendeeRow(long userId, String name, Instant firstJoin, Instant lastLeave, int stays, long liveSeconds,
                       long replaySeconds, boolean checkedIn, long questions, boolean eligible) {
    }

    record Report(Summary summary, List<AttendeeRow> attendees) {
    }

    /** The attendee's own record of a session. */
    record Mine(long sessionId, long liveSeconds, long replaySeconds, List<Attendee.Stay> stays, boolean checkedIn,
                long questions, int certificateMinutes, boolean certificateCountsReplay, boolean eligible,
                boolean sessionOver, String certificateCode) {
    }

    /** What the public verification link shows. */
    record Verified(String code, String holderName, String sessionTitle, String seriesTitle, String organiser,
                    Instant sessionStartsAt, long watchMinutes, Instant issuedAt) {
    }
}
