package io.livehall.training;

import java.time.Instant;
import java.util.List;

import io.livehall.common.stream.StreamKind;

/** What the training endpoints answer (docs/api.md "Trainings"). */
final class TrainingViews {

    private TrainingViews() {
    }

    /** A series in a list: its next session (or the live one) and how many sessions it has. */
    record SeriesCard(long id, String title, String audience, List<String> tags, Long coverFileId, String organiser,
                      int sessionCount, int liveCount, Instant nextStartsAt, Instant createdAt) {
    }

    /** A series with all its sessions in time order. */
    record SeriesDetail(long id, String title, String audience, List<String> tags, Long coverFileId, String organiser,
                        long organiserId, Instant createdAt, Instant updatedAt, List<SessionCard> sessions) {
    }

    /** A session in a series, the calendar or a list. */
    record SessionCard(long id, long seriesId, String seriesTitle, String title, String lecturer, Instant startsAt,
                       int durationMinutes, TrainingStatus status) {
    }

    /** An uploaded file of a session. */
    record Material(long fileId, String name, String contentType, long sizeBytes) {
    }

    /** Watching now, peak, unique viewers (from presence while live). */
    record Figures(long now, long peak, long unique) {
    }

    /** One session with everything its page needs. */
    record SessionDetail(long id, long seriesId, String seriesTitle, List<String> tags, Long coverFileId, String title,
                         String lecturer, Instant startsAt, int durationMinutes, String streamUrl, StreamKind streamKind,
                         TrainingStatus status, Instant startedAt, Instant endedAt, List<Material> materials,
                         Figures viewers) {
    }
}
