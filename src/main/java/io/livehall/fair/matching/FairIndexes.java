package io.livehall.fair.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Each fair's {@link FairIndex} kept on this instance between matching jobs, so a changed listing's job finds its
 * candidates (and those of the lists it rewrites) in memory instead of reading a thousand entries back from PostgreSQL.
 * <p>
 * Every job (one per fair at a time, under the fair's {@link MatchingLock}) bumps the fair's index version in
 * PostgreSQL and notes there the listing whose entry it re-reads. A job takes the kept index, and if jobs elsewhere came
 * in between (its version is older than the one before its own), re-reads the entries those jobs noted — or all of
 * them, after a full run elsewhere or more than {@link #NOTES} versions. A failed job never gives its index back (the
 * next one reads the entries anew), nor does a restart keep any. What no job announces (an enterprise's size or tier
 * edited) is read again after {@link #KEEP}; an index with more holes than entries is read anew too. At most
 * {@link #FAIRS} fairs are kept, the least recently used leaving first.
 */
@Component
class FairIndexes {

    static final Duration KEEP = Duration.ofMinutes(10);
    static final int FAIRS = 8;
    /** how many versions of notes PostgreSQL keeps (fair_match_index_change) */
    static final int NOTES = 1000;

    /** An index as kept: the version of the job that last used it, and when its entries were all read. */
    record Kept(long version, Instant readAt, FairIndex index) {

        Kept at(long newVersion) {
            return new Kept(newVersion, readAt, index);
        }
    }

    private final Map<Long, Kept> byFair = new LinkedHashMap<>(16, 0.75f, true);

    /** Takes the fair's kept index for a job; null if there is none, or it is too old or too holey to go on with. */
    synchronized Kept take(long fairId, Instant now) {
        Kept kept = byFair.remove(fairId);
        if (kept == null || !kept.readAt().plus(KEEP).isAfter(now) || kept.index().holes() > kept.index().size()) {
            return null;
        }
        return kept;
    }

    /** Keeps the index a job used (or built) for the next job of its fair. */
    synchronized void keep(long fairId, Kept kept) {
        byFair.put(fairId, kept);
        Iterator<Long> eldest = byFair.keySet().iterator();
        while (byFair.size() > FAIRS) {
            eldest.next();
            eldest.remove();
        }
    }

    /** How many fairs are kept (for tests). */
    synchronized int size() {
        return byFair.size();
    }
}
