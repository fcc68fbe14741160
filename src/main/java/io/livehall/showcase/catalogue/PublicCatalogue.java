package io.livehall.showcase.catalogue;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public reads, cache-aside: Redis first; on a miss the database, and the JSON (exactly the bytes served) is
 * stored for the next reader. If Redis fails, answers come from the database.
 */
@Service
class PublicCatalogue {

    private static final Log log = LogFactory.getLog(PublicCatalogue.class);

    private final CatalogueCache cache;
    private final ProductRepository products;
    private final PublicProductRepository lists;
    private final JsonMapper json;

    PublicCatalogue(CatalogueCache cache, ProductRepository products, PublicProductRepository lists, JsonMapper json) {
        this.cache = cache;
        this.products = products;
        this.lists = lists;
        this.json = json;
    }

    /** The product page of an on-sale or off-shelf product; 404 for drafts and unknown ids. */
    Mono<CachedJson> product(long id) {
        return cache.product(id)
                .onErrorResume(e -> unavailable(e, null))
                .flatMap(lookup -> lookup.page() != null ? Mono.just(lookup.page())
                        : loadProduct(id).flatMap(page -> cache.storeProduct(id, lookup.stamp(), page)
                                .onErrorResume(e -> unavailable(e, false))
                                .thenReturn(page)))
                .switchIfEmpty(Mono.defer(() -> loadProduct(id)));
    }

    /** One page of the public list. */
    Mono<CachedJson> list(ProductQuery query) {
        String key = query.cacheKey();
        return cache.list(key)
                .onErrorResume(e -> unavailable(e, null))
                .flatMap(lookup -> lookup.page() != null ? Mono.just(lookup.page())
                        : loadList(query).flatMap(page -> cache.storeList(lookup.generation(), key, page)
                                .onErrorResume(e -> unavailable(e, false))
                                .thenReturn(page)))
                .switchIfEmpty(Mono.defer(() -> loadList(query)));
    }

    Mono<CachedJson> loadProduct(long id) {
        return products.findPublic(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("商品")))
                .map(view -> CachedJson.of(json.writeValueAsBytes(view)));
    }

    Mono<CachedJson> loadList(ProductQuery query) {
        return lists.list(query).collectList()
                .map(rows -> Page.of(rows, query.page().limit(), row -> query.cursor(row.sortKey(), row.card().id()))
                        .map(PublicProductRepository.Listed::card))
                .map(page -> CachedJson.of(json.writeValueAsBytes(page)));
    }

    private static <T> Mono<T> unavailable(Throwable e, T fallback) {
        log.warn("Catalogue cache unavailable, answering from the database: " + e);
        return Mono.justOrEmpty(fallback);
    }
}
