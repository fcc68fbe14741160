package io.livehall.fair.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.livehall.fair.Fair;
import io.livehall.fair.FairActivity;
import io.livehall.fair.Fairs;
import io.livehall.fair.PairProgress;
import io.livehall.fair.PairStage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Computes a fair's matches: in full (every listing's top-N, from the fair's entries read into a {@link FairIndex},
 * written a slice at a time in one transaction) or for one changed listing (its entry read anew into the fair's kept
 * index; its own list from the candidates the index finds, and the lists of the counterparts it enters or leaves —
 * patched in place, recomputed from the index only when the one that fell out had an unknown successor — written in
 * one transaction of three statements). Both give the same rows (MatchingIncrementalTest). New participant pairs move
 * to MATCHED. A roadshow participant's questionnaire is brought in as an entry first ({@link QuestionnaireEntries}).
 */
@Service
class MatchingRuns {

    /** What a full computation did. */
    record Result(int listings, long matches, long millis) {
    }

    private static final int SLICE = 500;

    private final MatchingRepository repository;
    private final MatchWriteRepository writes;
    private final MatchScorer scorer;
    private final TermExtractor extractor;
    private final MatchingScheduler scheduler;
    private final TransactionalOperator tx;
    private final ObjectProvider<PairProgress> progress;
    private final Fairs fairs;
    private final FairActivity activity;
    private final Clock clock;
    private final MatchPages pages;
    private final FairIndexes indexes;
    private final QuestionnaireEntries questionnaires;

    MatchingRuns(MatchingRepository repository, MatchWriteRepository writes, MatchScorer scorer, TermExtractor extractor,
                 MatchingScheduler scheduler, TransactionalOperator tx, ObjectProvider<PairProgress> progress, Fairs fairs,
                 FairActivity activity, Clock clock, MatchPages pages, FairIndexes indexes,
                 QuestionnaireEntries questionnaires) {
        this.questionnaires = questionnaires;
        this.repository = repository;
        this.writes = writes;
        this.scorer = scorer;
        this.extractor = extractor;
        this.scheduler = scheduler;
        this.tx = tx;
        this.progress = progress;
        this.fairs = fairs;
        this.activity = activity;
        this.clock = clock;
        this.pages = pages;
        this.indexes = indexes;
    }

    /** Recomputes every match of the fair. */
    Mono<Result> full(long fairId) {
        Instant started = clock.instant();
        return writes.runStarted(fairId, started)
                .then(questionnaires.fair(fairId))
                .then(segment(repository.unsegmented(fairId, started)))
                .then(indexes.forFullRun(fairId, started))
                .flatMap(kept -> {
                    FairIndex index = kept.index();
                    int slices = (index.end() + SLICE - 1) / SLICE;
                    Flux<List<MatchRow>> rows = Flux.range(0, slices).concatMap(i -> Mono
                            .fromCallable(() -> index.keep(index.rows(i * SLICE, (i + 1) * SLICE, scorer, started)))
                            .subscribeOn(scheduler.get()));
                    return writes.clearFair(fairId).thenMany(rows.concatMap(writes::insert))
                            .reduce(0L, Long::sum).as(tx::transactional)
                            .map(matches -> new Result(index.size(), matches,
                                    Duration.between(started, clock.instant()).toMillis()))
                            .doOnSuccess(result -> indexes.keep(fairId, kept));
                })
                .flatMap(result -> writes.runFinished(fairId, clock.instant(), result.listings(), result.matches(),
                                result.millis())
                        .then(pairs(fairId, null))
                        .then(pages.allChanged())
                        .thenReturn(result))
                .doOnSuccess(result -> activity.changed(fairId, FairActivity.What.MATCH, 0));
    }

    /** Recomputes a changed listing's matches at every fair it takes part in (or had matches at). */
    Mono<Void> listingChanged(long listingId) {
        return segment(repository.unsegmented(listingId).flux())
                .thenMany(repository.fairsOfListing(listingId))
                .concatMap(fairId -> listing(fairId, listingId))
                .then();
    }

    /** The fairs a changed listing takes part in (or had matches at). */
    Flux<Long> fairsOfListing(long listingId) {
        return repository.fairsOfListing(listingId);
    }

    /** Recomputes a changed listing's matches at one fair (segmenting it first if its terms are out of date). */
    Mono<Void> listingAt(long fairId, long listingId) {
        return segment(repository.unsegmented(listingId).flux()).then(listing(fairId, listingId));
    }

    /** Recomputes the matches of a changed participant's listings (its questionnaire's among them) at its fair. */
    Mono<Void> participantChanged(long fairId, long participantId) {
        return questionnaires.participant(participantId).thenMany(repository.listingsOfParticipant(participantId))
                .concatMap(listingId -> segment(repository.unsegmented(listingId).flux()).then(listing(fairId, listingId)))
                .then();
    }

    /** One listing's matches at one fair, and the stored lists it enters or leaves. */
    Mono<Void> listing(long fairId, long listingId) {
        Instant now = clock.instant();
        return indexes.forJob(fairId, listingId, now).flatMap(kept -> repository.entry(fairId, listingId, now)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(self -> Mono.fromCallable(() -> changes(fairId, kept.index(), listingId,
                                self.orElse(null), now)).subscribeOn(scheduler.get()))
                        .flatMap(changes -> write(fairId, kept, listingId, changes))
                        .then(Mono.<Void>fromRunnable(() -> indexes.keep(fairId, kept))))
                .doOnSuccess(done -> activity.changed(fairId, FairActivity.What.MATCH, listingId));
    }

    /**
     * What a changed listing's job writes: the lists it rewrites whole and the pairs it removes from the others, the
     * rows to insert, and every list it changed as it will be (the index takes them once they are committed).
     */
    private record Changes(Long[] rewritten, Long[] pairListings, Long[] pairCounterparts, List<MatchRow> rows,
                           Map<Long, List<MatchWriteRepository.Ranked>> lists) {
    }

    /**
     * Puts the listing's entry (null: it no longer takes part) into the index, computes its own list, and decides from
     * the index's lists which counterparts' lists it enters or leaves: patched in place, or recomputed from the index
     * when the one that fell out of a full list had an unknown successor ({@link MatchRanking#effect}).
     */
    private Changes changes(long fairId, FairIndex index, long listingId, MatchEntry self, Instant now) {
        Map<Long, Integer> reverse = new TreeMap<>();
        Map<Long, MatchEntry> entries = new HashMap<>();
        List<MatchRow> rows = new ArrayList<>();
        if (self == null) {
            index.remove(listingId);
        } else {
            index.put(self);
            List<MatchEntry> candidates = index.candidates(self, now);
            for (MatchEntry other : candidates) {
                int total = scorer.total(other, self);
                if (total >= MatchWeights.THRESHOLD) {
                    reverse.put(other.listingId(), total);
                    entries.put(other.listingId(), other);
                }
            }
            rows.addAll(MatchRanking.top(fairId, self, candidates, scorer));
        }
        Map<Long, List<MatchWriteRepository.Ranked>> lists = new HashMap<>();
        lists.put(listingId, MatchRow.ranked(rows));
        List<Long> rewritten = new ArrayList<>(List.of(listingId));
        List<Long> pairListings = new ArrayList<>();
        List<Long> pairCounterparts = new ArrayList<>();
        TreeSet<Long> affected = new TreeSet<>(reverse.keySet());
        affected.addAll(index.heldBy(listingId));
        for (Long x : affected) {
            Integer total = reverse.get(x);
            List<MatchWriteRepository.Ranked> stored = index.list(x);
            switch (MatchRanking.effect(stored, listingId, total)) {
                case PATCH -> {
                    List<MatchWriteRepository.Ranked> next = MatchRanking.patched(stored, listingId, total);
                    for (MatchWriteRepository.Ranked r : stored) {
                        if (r.counterpartId() == listingId || !next.contains(r)) {
                            pairListings.add(x);
                            pairCounterparts.add(r.counterpartId());
                        }
                    }
                    if (total != null && next.contains(new MatchWriteRepository.Ranked(listingId, total))) {
                        MatchEntry other = entries.get(x);
                        rows.add(new MatchRow(fairId, other, self, scorer.score(other, self)));
                    }
                    lists.put(x, next);
                }
                case RECOMPUTE -> {
                    rewritten.add(x);
                    MatchEntry entry = index.entry(x, now);
                    List<MatchRow> own = entry == null ? List.of()
                            : MatchRanking.top(fairId, entry, index.candidates(entry, now), scorer);
                    rows.addAll(own);
                    lists.put(x, MatchRow.ranked(own));
                }
                default -> {
                }
            }
        }
        return new Changes(rewritten.toArray(Long[]::new), pairListings.toArray(Long[]::new),
                pairCounterparts.toArray(Long[]::new), rows, lists);
    }

    /**
     * Writes a changed listing's lists in one transaction (a removal noting the changed lists, an insert); then puts
     * them into the index, records the new pairs and forgets the pages that showed them.
     */
    private Mono<Void> write(long fairId, FairIndexes.Kept kept, long listingId, Changes changes) {
        Long[] changed = changes.lists().keySet().toArray(Long[]::new);
        return writes.remove(fairId, kept.version(), changes.rewritten(), changes.pairListings(),
                        changes.pairCounterparts(), changed)
                .then(writes.insert(changes.rows()))
                .as(tx::transactional)
                .then(Mono.fromRunnable(() -> changes.lists().forEach(kept.index()::list)))
                .then(Mono.defer(() -> pairs(fairId, changed)))
                .then(Mono.defer(() -> shown(fairId, changed)));
    }

    /** Forgets the pages of the participants whose lists changed (the changed listing's own among them). */
    private Mono<Void> shown(long fairId, Long[] lists) {
        return repository.participantsOf(fairId, lists).collectList().flatMap(pages::changed);
    }

    /** Segments the listings given, a slice at a time, on the matching scheduler, and stores their terms. */
    private Mono<Void> segment(Flux<MatchingRepository.Source> sources) {
        return sources.buffer(SLICE)
                .concatMap(slice -> Mono.fromCallable(() -> {
                    int n = slice.size();
                    Long[] ids = new Long[n];
                    Instant[] versions = new Instant[n];
                    String[] terms = new String[n];
                    for (int i = 0; i < n; i++) {
                        MatchingRepository.Source s = slice.get(i);
                        ids[i] = s.id();
                        versions[i] = s.version();
                        terms[i] = String.join("\u001f", extractor.terms(s.title(), s.description(), s.keywords()));
                    }
                    return new Object[] {ids, versions, terms};
                }).subscribeOn(scheduler.get())
                        .flatMap(a -> repository.saveTerms((Long[]) a[0], (Instant[]) a[1], (String[]) a[2])))
                .then();
    }

    /** Records the pairs of these listings' matches (all of the fair's when null); new ones move to MATCHED. */
    private Mono<Void> pairs(long fairId, Long[] listings) {
        Flux<long[]> fresh = listings == null ? writes.recordAllPairs(fairId) : writes.recordPairs(fairId, listings);
        PairProgress pipeline = progress.getIfAvailable();
        if (pipeline == null) {
            return fresh.then();
        }
        return fairs.find(fairId).map(Fair::organiserId)
                .flatMapMany(by -> fresh.collectList().flatMapMany(Flux::fromIterable)
                        .concatMap(pair -> pipeline.reached(fairId, pair[0], pair[1], PairStage.MATCHED, by)
                                .as(tx::transactional)))
                .then();
    }
}
