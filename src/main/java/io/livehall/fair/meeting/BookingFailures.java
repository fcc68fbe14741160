package io.livehall.fair.meeting;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcRollbackException;
import org.springframework.dao.PessimisticLockingFailureException;

/** What a failed booking transaction was: a constraint of the booking tables violated, or a deadlock to retry. */
final class BookingFailures {

    /** PostgreSQL's SQLSTATE for "deadlock detected" (Spring may hand it over uncategorized, as seen in CI) */
    private static final String DEADLOCK = "40P01";

    private BookingFailures() {
    }

    /** Whether {@code constraint} (an exclusion or unique constraint's name) refused the statement. */
    static boolean violated(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two bookings inserting overlapping attendee (or place) rows at once can each wait for the other inside the
     * exclusion constraint check; PostgreSQL aborts one with a deadlock. Its retry then sees the winner and answers 409.
     */
    static boolean deadlocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockingFailureException || t instanceof R2dbcRollbackException
                    || (t instanceof R2dbcException r && DEADLOCK.equals(r.getSqlState()))) {
                return true;
            }
        }
        return false;
    }
}
