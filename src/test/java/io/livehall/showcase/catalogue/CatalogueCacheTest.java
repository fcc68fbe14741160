package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The compare-and-set that keeps a reader who raced a change from caching the old page (real Redis). */
class CatalogueCacheTest extends IntegrationTest {

    @Autowired
    CatalogueCache cache;

    @Test
    void aPageReadBeforeAChangeIsNotStoredAfterIt() {
        long id = System.nanoTime();
        CatalogueCache.ProductLookup before = cache.product(id).block();
        assertThat(before.page()).isNull();

        cache.evict(id, false).block(); // a change commits while the reader is in the database
        CachedJson old = CachedJson.of("{\"stock\":5}".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.storeProduct(id, before.stamp(), old).block()).isFalse();
        assertThat(cache.product(id).block().page()).isNull();

        CatalogueCache.ProductLookup after = cache.product(id).block();
        CachedJson fresh = CachedJson.of("{\"stock\":4}".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.storeProduct(id, after.stamp(), fresh).block()).isTrue();
        CachedJson cached = cache.product(id).block().page();
        assertThat(cached.body()).isEqualTo(fresh.body());
        assertThat(cached.etag()).isEqualTo(fresh.etag());
        assertThat(cached.hit()).isTrue();
    }

    @Test
    void aListGenerationBumpHidesEveryOlderListPage() {
        String key = "test-" + System.nanoTime();
        CatalogueCache.ListLookup first = cache.list(key).block();
        assertThat(first.page()).isNull();
        cache.storeList(first.generation(), key, CachedJson.of("{\"items\":[]}".getBytes(StandardCharsets.UTF_8))).block();
        assertThat(cache.list(key).block().page()).isNotNull();

        cache.evictLists().block();
        CatalogueCache.ListLookup second = cache.list(key).block();
        assertThat(second.page()).isNull();
        assertThat(second.generation()).isNotEqualTo(first.generation());
    }
}
