package io.livehall.training.course;

import java.time.Duration;
import java.time.Instant;

/**
 * How much of a player's claim is credited. A player reports the seconds it has played of a lesson in total; the
 * server credits at most what wall-clock time since the previous credited report allows at up to double speed (the
 * fastest native players offer) plus a little slack for network jitter, and a first report at most
 * {@link #FIRST_REPORT_GRACE} seconds. Credited time never goes down and never exceeds the lesson's duration; a lesson
 * is complete once 90 % of it is credited, and stays complete. So no single request (nor a burst of them) completes a
 * lesson: a ten-minute lesson needs at least about four and a half minutes of reports.
 */
final class CourseProgressRules {

    static final int FIRST_REPORT_GRACE = 15;
    static final int MAX_PLAYBACK_RATE = 2;
    static final int SLACK_SECONDS = 2;

    private CourseProgressRules() {
    }

    /** The stored progress before this report (null for the first report of the lesson). */
    record Before(int watchedSeconds, boolean completed, Instant updatedAt) {
    }

    /** What is stored after the report. */
    record After(int positionSeconds, int watchedSeconds, boolean completed, boolean completedNow) {
    }

    static After credit(Before before, int position, int claimedWatched, int duration, Instant now) {
        int previous = before == null ? 0 : before.watchedSeconds();
        long allowance = before == null ? FIRST_REPORT_GRACE
                : Math.max(0, Duration.between(before.updatedAt(), now).toSeconds()) * MAX_PLAYBACK_RATE + SLACK_SECONDS;
        long credited = Math.min(Math.min(claimedWatched, previous + allowance), duration);
        int watched = (int) Math.max(previous, credited);
        boolean wasComplete = before != null && before.completed();
        boolean complete = wasComplete || isComplete(watched, duration);
        return new After(Math.min(position, duration), watched, complete, complete && !wasComplete);
    }

    /** 90 % of the lesson credited (in whole seconds, rounded up: 9 s of a 10 s lesson, 1 s of a 1 s lesson). */
    static boolean isComplete(int watched, int duration) {
        return (long) watched * 10 >= (long) duration * 9;
    }
}
