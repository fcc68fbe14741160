package io.livehall.training;

import java.time.Instant;
import java.util.List;

/** A row of {@code training_series}, with its organiser's display name. */
public record TrainingSeries(long id, long organiserId, String organiser, String title, String audience, List<String> tags,
                      Long coverFileId, Instant createdAt, Instant updatedAt) {
}
