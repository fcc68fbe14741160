package io.livehall.fair.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each fair's {@link FairIndex} (entries and stored lists) kept on this instance between matching jobs, so a changed
 * listing's job finds its candidates, the lists it enters or leaves and their candidates in memory instead of reading
 * thousands of rows back from PostgreSQL.
 * <p>
 * Every job (one per fair at a time, under the fair's {@link MatchingLock}) bumps the fair's index version in
 * PostgreSQL and notes there the listing whose entry it re-reads, and, in its write transaction, the lists it
 * rewrote. A job takes the kept index, and if jobs elsewhere came in between (its version is older than the one before
 * its own), re-reads the entries and lists those jobs noted — or everything, after a full run elsewhere or more than
 * {@link #NOTES} versions. A failed job never gives its index back (the
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
    private final MatchingRepository repository;
    private final MatchWriteRepository writes;
    private final MatchingScheduler scheduler;

    FairIndexes(MatchingRepository repository, MatchWriteRepository writes, MatchingScheduler scheduler) {
        this.repository = repository;
        this.writes = writes;
        this.scheduler = scheduler;
    }

    /**
     * The fair's index for a job about {@code listingId}: the one kept here, brought up to date with what jobs elsewhere
     * changed since it was last used; read anew if there is none, or a full run or too many jobs came in between.
     * Give it back with {@link #keep} when the job ended well.
     */
    Mono<Kept> forJob(long fairId, long listingId, Instant now) {
        return writes.bumpIndexVersion(fairId, listingId).flatMap(version -> {
            Kept kept = take(fairId, now);
            if (kept == null || kept.version() >= version || kept.version() < version - NOTES) {
                return read(fairId, version, now, true);
            }
            if (kept.version() == version - 1) {
                return Mono.just(kept.at(version));
            }
            return repository.notes(fairId, kept.version() + 1, version - 1).collectList()
                    .flatMap(notes -> catchUp(fairId, kept.at(version), notes, now));
        });
    }

    /** A new index of the fair's entries for a full run, which computes its lists. */
    Mono<Kept> forFullRun(long fairId, Instant now) {
        return writes.bumpIndexVersion(fairId, 0).flatMap(version -> read(fairId, version, now, false));
    }

    /** Re-reads the entries and lists that jobs elsewhere changed into the kept index (all of it after a full run). */
    private Mono<Kept> catchUp(long fairId, Kept kept, List<MatchingRepository.Note> notes, Instant now) {
        Set<Long> entries = new TreeSet<>();
        Set<Long> lists = new TreeSet<>();
        for (MatchingRepository.Note note : notes) {
            entries.add(note.listingId());
            if (note.lists() != null) {
                lists.addAll(Arrays.asList(note.lists()));
            }
        }
        if (entries.contains(0L)) {
            return read(fairId, kept.version(), now, true);
        }
        return Mono.zip(repository.entries(fairId, entries.toArray(Long[]::new), now).collectList(),
                        writes.lists(fairId, lists.toArray(Long[]::new)).collectList())
                .map(read -> {
                    FairIndex index = kept.index();
                    entries.forEach(index::remove);
                    read.getT1().forEach(index::put);
                    lists.forEach(x -> index.list(x, List.of()));
                    index.fill(read.getT2());
                    return kept;
                });
    }

    /** Reads the fair's entries (and its stored lists, unless a full run is to compute them) into a new index. */
    private Mono<Kept> read(long fairId, long version, Instant now, boolean withLists) {
        return Mono.zip(repository.entries(fairId, now).collectList(),
                        withLists ? writes.lists(fairId, null).collectList() : Mono.just(List.<long[]>of()))
                .flatMap(read -> Mono.fromCallable(() -> {
                    FairIndex index = new FairIndex(fairId, read.getT1());
                    index.fill(read.getT2());
                    return new Kept(version, now, index);
                }).subscribeOn(scheduler.get()));
    }

    /** Takes the fair's kept index; null if there is none, or it is too old or too holey to go on with. */
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
