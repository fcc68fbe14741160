package io.livehall.training.registration;

import java.time.Instant;
import java.util.List;

/**
 * A series' registration settings; {@link #defaults} when the organiser set none (OPEN, no limit, no form fields,
 * reminders a day and half an hour before each session).
 */
record RegistrationSettings(long seriesId, RegistrationMode mode, Integer capacity, FieldRule company, FieldRule jobTitle,
                            FieldRule phone, List<Integer> reminderOffsets, Instant deadline) {

    static final List<Integer> DEFAULT_OFFSETS = List.of(1440, 30);

    static RegistrationSettings defaults(long seriesId) {
        return new RegistrationSettings(seriesId, RegistrationMode.OPEN, null, FieldRule.OFF, FieldRule.OFF, FieldRule.OFF,
                DEFAULT_OFFSETS, null);
    }
}
