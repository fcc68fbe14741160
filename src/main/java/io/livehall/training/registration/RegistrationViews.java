package io.livehall.training.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the registration endpoints answer. */
final class RegistrationViews {

    private RegistrationViews() {
    }

    /**
     * The form of a series as anyone sees it: how it registers, which fields it asks, how full it is, whether it is
     * open now ({@code closedReason} says why not).
     */
    record Form(long seriesId, RegistrationMode mode, Integer capacity, long confirmed, long waiting, FieldRule company,
                FieldRule jobTitle, FieldRule phone, Instant deadline, boolean open, String closedReason) {
    }

    /** The person's own registration, with the full phone number (it is theirs); {@code position} 1 = next in line. */
    record Mine(long id, long seriesId, String seriesTitle, RegistrationState state, String stateLabel, Long position,
                String reason, String company, String jobTitle, String phone, Instant registeredAt, Instant decidedAt) {
    }

    /** The series page's one call: the form, and the caller's registration when there is one (null for guests). */
    record Status(Form form, Mine registration) {
    }

    /** A registration in the organiser's list: the phone masked ({@code 138****1234}). */
    record Row(long id, long userId, String name, RegistrationState state, String stateLabel, Long position,
               String company, String jobTitle, String phone, String reason, Instant registeredAt, Instant decidedAt) {
    }

    /** The organiser's settings page: the settings and how many are in each state. */
    record Settings(long seriesId, RegistrationMode mode, Integer capacity, FieldRule company, FieldRule jobTitle,
                    FieldRule phone, List<Integer> reminderOffsets, Instant deadline, Map<RegistrationState, Long> counts) {

        static Settings of(RegistrationSettings s, Map<RegistrationState, Long> counts) {
            return new Settings(s.seriesId(), s.mode(), s.capacity(), s.company(), s.jobTitle(), s.phone(),
                    s.reminderOffsets(), s.deadline(), counts);
        }
    }
}
