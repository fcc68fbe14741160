package io.livehall.training.room;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.training.room.*}: limits of a training room's interaction.
 *
 * @param questionsPerWindow questions a user may ask per window
 * @param window             the rate-limit window of asking
 * @param publishInterval    the least time between two snapshots of one room's Q&A (or polls, or check-in) topic; above
 *                           500 ms (600 ms), so that no viewer gets three in a clock second when deliveries jitter
 * @param checkInWrongCodes  wrong check-in codes a user may enter per check-in (then 429)
 */
@ConfigurationProperties("livehall.training.room")
record TrainingRoomSettings(@DefaultValue("3") int questionsPerWindow,
                            @DefaultValue("30s") Duration window,
                            @DefaultValue("600ms") Duration publishInterval,
                            @DefaultValue("5") int checkInWrongCodes) {
}
