package io.livehall.training.attendance;

/** When an attendee earns a session's certificate: at least this many minutes watched (live, plus replay if counted). */
record CertificateRule(int minWatchMinutes, boolean includeReplay) {

    /** Without a rule of the series: half of the session's planned duration, live only. */
    static CertificateRule defaultFor(int durationMinutes) {
        return new CertificateRule(Math.max(1, durationMinutes / 2), false);
    }
}
