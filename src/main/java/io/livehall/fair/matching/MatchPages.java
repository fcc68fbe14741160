package io.livehall.fair.matching;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

import io.livehall.common.cache.NearCache;
import io.livehall.common.cache.NearCaches;
import io.livehall.fair.FairActivity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The matches page kept near on each instance ({@link NearCaches}), so a participant's repeated reads cost no
 * PostgreSQL round trip:
 * <ul>
 *   <li>{@value #ACCESS}: "fair:user" → the id of the caller's approved participant at a fair they may see (only a
 *       yes is kept). Cleared on every instance when a participant's status changes or a fair changes (its status or
 *       visibility), both told by {@link FairActivity} on the instance that made the change.</li>
 *   <li>{@value #PAGES}: participant id → its first page of matches as JSON (no listing filter; kept for the page size
 *       it was read with). Evicted on every instance for the participants whose lists matching rewrote or whose
 *       lists show a changed listing, for both sides of an organiser's manual match, for a participant whose status
 *       changed; all cleared after a full run.</li>
 * </ul>
 * What no change announces (a renamed enterprise, a user moved to another enterprise) shows within {@link #TTL}.
 */
@Component
class MatchPages {

    static final String ACCESS = "fair-match-access";
    static final String PAGES = "fair-match-pages";
    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX = 20_000;

    private final NearCaches near;
    private final FairActivity activity;
    private final NearCache<Long> access;
    private final NearCache<Kept> pages;

    /** A first page as answered (its JSON), and the page size it was read with. */
    private record Kept(int size, byte[] json) {
    }
    private Disposable listener;

    MatchPages(NearCaches near, FairActivity activity) {
        this.near = near;
        this.activity = activity;
        this.access = near.create(ACCESS, MAX, TTL);
        this.pages = near.create(PAGES, MAX, TTL);
    }

    @PostConstruct
    void start() {
        listener = activity.changes()
                .filter(c -> c.what() == FairActivity.What.PARTICIPANT || c.what() == FairActivity.What.FAIR)
                .concatMap(c -> near.clear(access)
                        .then(c.what() == FairActivity.What.PARTICIPANT ? near.evict(pages, key(c.subjectId()))
                                : Mono.empty()))
                .subscribe();
    }

    @PreDestroy
    void stop() {
        listener.dispose();
    }

    /** The caller's approved participant id at the fair, kept or as {@code load} answers it. */
    Mono<Long> participant(long fairId, long userId, Supplier<Mono<Long>> load) {
        return access.get(fairId + ":" + userId, load);
    }

    /**
     * The participant's first page of {@code size} matches as JSON (kept serialised: a hit costs neither a query nor
     * serialising the ~8 KB again), kept or as {@code load} answers it.
     */
    Mono<byte[]> firstPage(long participantId, int size, Supplier<Mono<byte[]>> load) {
        return pages.get(key(participantId), kept -> kept.size() == size,
                        () -> load.get().map(json -> new Kept(size, json)))
                .map(Kept::json);
    }

    /** Forgets these participants' pages, here and on every instance. */
    Mono<Void> changed(Collection<Long> participantIds) {
        return near.evict(pages, participantIds.stream().map(MatchPages::key).toList());
    }

    /** Forgets every page (after a full run), here and on every instance. */
    Mono<Void> allChanged() {
        return near.clear(pages);
    }

    private static String key(long participantId) {
        return Long.toString(participantId);
    }
}
