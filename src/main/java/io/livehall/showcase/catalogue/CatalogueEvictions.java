package io.livehall.showcase.catalogue;

import io.livehall.common.events.AfterCommit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Evicts cached pages after a change is committed: at once when no transaction is running, otherwise when the
 * caller's transaction commits (evicting earlier would let a reader cache the old row again before the
 * commit; after a rollback nothing changed). A Redis failure is logged and never fails the change itself.
 */
@Component
class CatalogueEvictions {

    private static final Log log = LogFactory.getLog(CatalogueEvictions.class);

    private final CatalogueCache cache;

    private final AfterCommit afterCommit;

    CatalogueEvictions(CatalogueCache cache, AfterCommit afterCommit) {
        this.cache = cache;
        this.afterCommit = afterCommit;
    }

    /** Evicts now (the change is already committed). */
    Mono<Void> changed(long productId, boolean lists) {
        return cache.evict(productId, lists).onErrorResume(e -> failed(productId, e));
    }

    /** Runs {@code evict} when the current transaction commits, or now if there is none (best effort). */
    Mono<Void> afterCommit(Mono<Void> evict) {
        return afterCommit.run("catalogue-eviction", () -> evict);
    }

    /** Every list page (a merchant's name or status changed). */
    Mono<Void> listsChanged() {
        return cache.evictLists().onErrorResume(e -> failed(-1, e));
    }

    private static Mono<Void> failed(long productId, Throwable e) {
        log.warn("Could not evict product " + productId + " from the catalogue cache (its pages expire by TTL): " + e);
        return Mono.empty();
    }
}
