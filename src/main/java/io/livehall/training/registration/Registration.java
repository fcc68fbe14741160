package io.livehall.training.registration;

import java.time.Instant;

/** A row of {@code training_registration} with the person's display name. */
record Registration(long id, long seriesId, long userId, String name, RegistrationState state, String company,
                    String jobTitle, String phone, String reason, Instant queuedAt, Instant decidedAt) {
}
