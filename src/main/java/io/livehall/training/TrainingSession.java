package io.livehall.training;

import java.time.Instant;

/** A row of {@code training_session}, with its series' title and organiser. */
public record TrainingSession(long id, long seriesId, String seriesTitle, long organiserId, String title, String lecturer,
                       Instant startsAt, int durationMinutes, String streamUrl, TrainingStatus status,
                       Instant startedAt, Instant endedAt) {
}
