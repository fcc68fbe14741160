package io.livehall.fair.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Computes a fair's matches: in full (every listing's top-N, from the fair's listings in memory, written a slice at a
 * time in one transaction) or for one changed listing (its own list from its indexed candidates, and the lists of the
 * counterparts it enters or leaves — patched in place, recomputed only when the one that fell out had an unknown
 * successor). Both give the same rows (MatchingIncrementalTest). New participant pairs move to MATCHED.
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

    MatchingRuns(MatchingRepository repository, MatchWriteRepository writes, MatchScorer scorer, TermExtractor extractor,
                 MatchingScheduler scheduler, TransactionalOperator tx, ObjectProvider<PairProgress> progress, Fairs fairs,
                 FairActivity activity, Clock clock, MatchPages pages) {
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
    }

    /** Recomputes every match of the fair. */
    Mono<Result> full(long fairId) {
        Instant started = clock.instant();
        return writes.runStarted(fairId, started)
                .then(segment(repository.unsegmented(fairId, started)))
                .then(repository.entries(fairId, started).collectList())
                .flatMap(entries -> Mono.fromCallable(() -> new FairIndex(fairId, entries)).subscribeOn(scheduler.get()))
                .flatMap(index -> {
                    int slices = (index.size() + SLICE - 1) / SLICE;
                    Flux<List<MatchRow>> rows = Flux.range(0, slices).concatMap(i -> Mono
                            .fromCallable(() -> index.rows(i * SLICE, (i + 1) * SLICE, scorer))
                            .subscribeOn(scheduler.get()));
                    return writes.clearFair(fairId).thenMany(rows.concatMap(writes::insert))
                            .reduce(0L, Long::sum).as(tx::transactional)
                            .map(matches -> new Result(index.size(), matches,
                                    Duration.between(started, clock.instant()).toMillis()));
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

    /** Recomputes the matches of a changed participant's listings at its fair. */
    Mono<Void> participantChanged(long fairId, long participantId) {
        return repository.listingsOfParticipant(participantId)
                .concatMap(listingId -> segment(repository.unsegmented(listingId).flux()).then(listing(fairId, listingId)))
                .then();
    }

    /** One listing's matches at one fair, and the stored lists it enters or leaves. */
    Mono<Void> listing(long fairId, long listingId) {
        Instant now = clock.instant();
        return repository.entry(fairId, listingId, now)
                .flatMap(self -> repository.candidates(fairId, self, now).collectList()
                        .flatMap(candidates -> Mono.fromCallable(() -> plan(fairId, self, candidates))
                                .subscribeOn(scheduler.get())))
                .defaultIfEmpty(new Plan(null, List.of(), new TreeMap<>(), Map.of()))
                .flatMap(plan -> writes.rankedBy(fairId, listingId).collectList().flatMap(pointing -> {
                    TreeSet<Long> affected = new TreeSet<>(plan.reverse().keySet());
                    affected.addAll(pointing);
                    Long[] ids = affected.toArray(Long[]::new);
                    return writes.stored(fairId, ids, listingId)
                            .flatMap(stored -> apply(fairId, listingId, plan, ids, stored, now))
                            .then(Mono.defer(() -> shown(fairId, listingId, ids)));
                }))
                .doOnSuccess(done -> activity.changed(fairId, FairActivity.What.MATCH, listingId));
    }

    /** Forgets the pages of the participants whose lists this listing's change rewrote or that show it. */
    private Mono<Void> shown(long fairId, long listingId, Long[] affected) {
        Long[] ids = Arrays.copyOf(affected, affected.length + 1);
        ids[affected.length] = listingId;
        return repository.participantsOf(fairId, ids).collectList().flatMap(pages::changed);
    }

    /** The listing's own list, and its totals towards each candidate that reaches the threshold (by listing). */
    private record Plan(MatchEntry self, List<MatchRow> own, Map<Long, Integer> reverse, Map<Long, MatchEntry> entries) {
    }

    private Plan plan(long fairId, MatchEntry self, List<MatchEntry> candidates) {
        Map<Long, Integer> reverse = new TreeMap<>();
        Map<Long, MatchEntry> entries = new HashMap<>();
        for (MatchEntry other : candidates) {
            int total = scorer.total(other, self);
            if (total >= MatchWeights.THRESHOLD) {
                reverse.put(other.listingId(), total);
                entries.put(other.listingId(), other);
            }
        }
        return new Plan(self, MatchRanking.top(fairId, self, candidates, scorer), reverse, entries);
    }

    /** Writes the changed listing's list and patches (or recomputes) the affected lists, in one transaction. */
    private Mono<Void> apply(long fairId, long listingId, Plan plan, Long[] affected,
                             Map<Long, MatchWriteRepository.Stored> stored, Instant now) {
        List<Long> patched = new ArrayList<>();
        List<MatchRow> patchRows = new ArrayList<>();
        List<Long> recompute = new ArrayList<>();
        for (Long x : affected) {
            Integer total = plan.reverse().get(x);
            switch (MatchRanking.effect(stored.getOrDefault(x, MatchWriteRepository.Stored.EMPTY), listingId, total)) {
                case PATCH -> {
                    patched.add(x);
                    if (total != null) {
                        MatchEntry other = plan.entries().get(x);
                        patchRows.add(new MatchRow(fairId, other, plan.self(), scorer.score(other, plan.self())));
                    }
                }
                case RECOMPUTE -> recompute.add(x);
                default -> {
                }
            }
        }
        Long[] patchIds = patched.toArray(Long[]::new);
        Mono<Void> patch = patched.isEmpty() ? Mono.empty()
                : writes.clearCounterpart(fairId, patchIds, listingId)
                        .then(writes.insert(patchRows))
                        .then(writes.trim(fairId, patchIds, MatchWeights.TOP_N)).then();
        Mono<Void> all = writes.clear(fairId, new Long[] {listingId})
                .then(writes.insert(plan.own()))
                .then(patch)
                .thenMany(Flux.fromIterable(recompute).concatMap(x -> recompute(fairId, x, now)))
                .then();
        List<Long> changed = new ArrayList<>(List.of(listingId));
        changed.addAll(patched);
        changed.addAll(recompute);
        return all.as(tx::transactional).then(Mono.defer(() -> pairs(fairId, changed.toArray(Long[]::new))));
    }

    /** Listing x's list from its indexed candidates (empty if it no longer takes part). */
    private Mono<Long> recompute(long fairId, long x, Instant now) {
        return repository.entry(fairId, x, now)
                .flatMap(entry -> repository.candidates(fairId, entry, now).collectList()
                        .flatMap(candidates -> Mono.fromCallable(
                                        () -> MatchRanking.top(fairId, entry, candidates, scorer))
                                .subscribeOn(scheduler.get())))
                .defaultIfEmpty(List.of())
                .flatMap(rows -> writes.clear(fairId, new Long[] {x}).then(writes.insert(rows)));
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
