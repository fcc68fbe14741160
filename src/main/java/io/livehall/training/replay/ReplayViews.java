package io.livehall.training.replay;

import java.time.Instant;
import java.util.List;

import io.livehall.training.TrainingStatus;

/** What the replay endpoints answer (docs/api.md "Training replay"). */
final class ReplayViews {

    private ReplayViews() {
    }

    /** A chapter: title and start in seconds. */
    record Chapter(String title, int startSeconds) {
    }

    /**
     * A session's replay: its source ({@code URL} with {@code url}, or {@code FILE} with {@code fileId}), how it plays
     * ({@code kind}, {@code playUrl}: the address, or the uploaded file's download path), chapters and figures.
     */
    record Replay(long sessionId, String source, String url, Long fileId, ReplayKind kind, String playUrl,
                  List<Chapter> chapters, ReplayFigures figures, Instant updatedAt) {
    }

    /** The organiser's view: the session's status, its replay (null until set) and the replay figures. */
    record OrganiserReplay(long sessionId, TrainingStatus status, Replay replay, ReplayFigures figures) {
    }

    /** A heartbeat's answer: whether it counted, and the figures now. */
    record HeartbeatResult(boolean counted, ReplayFigures figures) {
    }
}
