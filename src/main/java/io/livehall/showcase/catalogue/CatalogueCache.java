package io.livehall.showcase.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue's cache in Redis, shared by every instance (no local copies, so nothing to tell other
 * instances). Keys ({@link RedisKeys}):
 * <ul>
 * <li>{@code livehall:catalogue:{p<id>}:page} a product page ({@link CachedJson}), TTL
 *     {@code livehall.catalogue.product-ttl};</li>
 * <li>{@code livehall:catalogue:{p<id>}:stamp} the product's change stamp, bumped by every change. A page read from
 *     the database is stored only if the stamp is still the one seen before reading (compare-and-set in Lua), so a
 *     reader that raced a change never puts the old page back;</li>
 * <li>{@code livehall:catalogue:{lists}:gen} the list generation, bumped by every change a list can show;</li>
 * <li>{@code livehall:catalogue:{lists}:<gen>:<query>} a list page, TTL {@code livehall.catalogue.list-ttl}. A bump
 *     makes every older list key unreachable at once, on every instance. All list keys share one hash tag: the read
 *     script builds the page's key from the generation, and in Redis Cluster both must be in one slot.</li>
 * </ul>
 * Changes are evicted after their transaction commits.
 */
@Component
class CatalogueCache {

    static final String GENERATION = RedisKeys.of("catalogue", "lists", "gen");
    private static final String LIST_PAGE = RedisKeys.tagged("catalogue", "lists") + ":";

    private static final RedisScript<Long> STORE_IF_UNCHANGED = RedisScripts.load("catalogue-store-if-unchanged", Long.class);
    private static final RedisScript<Long> EVICT = RedisScripts.load("catalogue-evict-product", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ_LIST = RedisScripts.load("catalogue-read-list", List.class);

    private final ReactiveRedisTemplate<String, byte[]> redis;
    private final Clock clock;
    private final Duration productTtl;
    private final Duration listTtl;

    CatalogueCache(ReactiveRedisConnectionFactory connections, Clock clock,
                   CatalogueSettings settings) {
        this.redis = new ReactiveRedisTemplate<>(connections,
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.string())
                        .value(RedisSerializationContext.SerializationPair.byteArray()).build());
        this.clock = clock;
        this.productTtl = settings.productTtl();
        this.listTtl = settings.listTtl();
    }

    /** The cached page (null on a miss) and the stamp to store a freshly read page under. */
    record ProductLookup(CachedJson page, byte[] stamp) {
    }

    /** A cached list page (null on a miss) and the generation it belongs to. */
    record ListLookup(CachedJson page, byte[] generation) {
    }

    Mono<ProductLookup> product(long id) {
        return redis.opsForValue().multiGet(List.of(productKey(id), stampKey(id)))
                .map(values -> new ProductLookup(CachedJson.decode(empty(values.get(0))), orEmpty(values.get(1))));
    }

    /** Stores a page read after {@link #product} answered {@code stamp}, unless the product changed since. */
    Mono<Boolean> storeProduct(long id, byte[] stamp, CachedJson page) {
        return redis.execute(STORE_IF_UNCHANGED, List.of(productKey(id), stampKey(id)),
                        List.of(stamp, page.encode(), ascii(productTtl.toMillis())))
                .next().map(stored -> stored == 1L);
    }

    @SuppressWarnings("unchecked")
    Mono<ListLookup> list(String queryKey) {
        return redis.execute(READ_LIST, List.of(GENERATION),
                        List.of(ascii(LIST_PAGE), queryKey.getBytes(StandardCharsets.UTF_8), ascii(clock.millis())))
                .next()
                .map(values -> new ListLookup(CachedJson.decode(empty((byte[]) values.get(1))), (byte[]) values.get(0)));
    }

    Mono<Boolean> storeList(byte[] generation, String queryKey, CachedJson page) {
        String key = LIST_PAGE + new String(generation, StandardCharsets.US_ASCII) + ":" + queryKey;
        return redis.opsForValue().set(key, page.encode(), listTtl);
    }

    /** Forgets the product's page; with {@code lists}, every cached list page too. */
    Mono<Void> evict(long id, boolean lists) {
        Mono<Void> product = redis.execute(EVICT, List.of(productKey(id), stampKey(id)),
                List.of(ascii(productTtl.toMillis() * 2))).then();
        return lists ? product.then(evictLists()) : product;
    }

    /** Forgets every cached list page. */
    Mono<Void> evictLists() {
        return redis.opsForValue().increment(GENERATION).then();
    }

    static String productKey(long id) {
        return RedisKeys.of("catalogue", "p" + id, "page");
    }

    private static String stampKey(long id) {
        return RedisKeys.of("catalogue", "p" + id, "stamp");
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] empty(byte[] value) {
        return value == null || value.length == 0 ? null : value;
    }

    private static byte[] orEmpty(byte[] value) {
        return value == null ? new byte[0] : value;
    }
}
