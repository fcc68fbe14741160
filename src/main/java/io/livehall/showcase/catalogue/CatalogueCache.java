package io.livehall.showcase.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue's cache in Redis, shared by every instance (no local copies, so nothing to tell other
 * instances). Keys:
 * <ul>
 * <li>{@code catalogue:p:{id}} a product page ({@link CachedJson}), TTL {@code livehall.catalogue.product-ttl};</li>
 * <li>{@code catalogue:pv:{id}} the product's change stamp, bumped by every change. A page read from the
 *     database is stored only if the stamp is still the one seen before reading (compare-and-set in Lua),
 *     so a reader that raced a change never puts the old page back;</li>
 * <li>{@code catalogue:gen} the list generation, bumped by every change a list can show;</li>
 * <li>{@code catalogue:l:{gen}:{query}} a list page, TTL {@code livehall.catalogue.list-ttl}. A bump makes
 *     every older list key unreachable at once, on every instance.</li>
 * </ul>
 * Changes are evicted after their transaction commits. Single-node Redis (the list script builds its key).
 */
@Component
class CatalogueCache {

    static final String GENERATION = "catalogue:gen";

    private static final RedisScript<Long> STORE_IF_UNCHANGED = RedisScript.of("""
            if (redis.call('get', KEYS[2]) or '') == ARGV[1] then
              redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0""", Long.class);

    private static final RedisScript<Long> EVICT = RedisScript.of("""
            redis.call('incr', KEYS[2])
            redis.call('pexpire', KEYS[2], ARGV[1])
            redis.call('del', KEYS[1])
            if ARGV[2] == '1' then redis.call('incr', KEYS[3]) end
            return 1""", Long.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ_LIST = RedisScript.of("""
            local gen = redis.call('get', KEYS[1])
            if not gen then
              redis.call('set', KEYS[1], ARGV[3], 'NX')
              gen = redis.call('get', KEYS[1])
            end
            return {gen, redis.call('get', ARGV[1] .. gen .. ':' .. ARGV[2]) or ''}""", List.class);

    private final ReactiveRedisTemplate<String, byte[]> redis;
    private final Duration productTtl;
    private final Duration listTtl;

    CatalogueCache(ReactiveRedisConnectionFactory connections,
                   @Value("${livehall.catalogue.product-ttl:10m}") Duration productTtl,
                   @Value("${livehall.catalogue.list-ttl:2m}") Duration listTtl) {
        this.redis = new ReactiveRedisTemplate<>(connections,
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.string())
                        .value(RedisSerializationContext.SerializationPair.byteArray()).build());
        this.productTtl = productTtl;
        this.listTtl = listTtl;
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
                        List.of(ascii("catalogue:l:"), queryKey.getBytes(StandardCharsets.UTF_8),
                                ascii(System.currentTimeMillis())))
                .next()
                .map(values -> new ListLookup(CachedJson.decode(empty((byte[]) values.get(1))), (byte[]) values.get(0)));
    }

    Mono<Boolean> storeList(byte[] generation, String queryKey, CachedJson page) {
        String key = "catalogue:l:" + new String(generation, StandardCharsets.US_ASCII) + ":" + queryKey;
        return redis.opsForValue().set(key, page.encode(), listTtl);
    }

    /** Forgets the product's page; with {@code lists}, every cached list page too. */
    Mono<Void> evict(long id, boolean lists) {
        return redis.execute(EVICT, List.of(productKey(id), stampKey(id), GENERATION),
                        List.of(ascii(productTtl.toMillis() * 2), ascii(lists ? 1 : 0)))
                .then();
    }

    /** Forgets every cached list page. */
    Mono<Void> evictLists() {
        return redis.opsForValue().increment(GENERATION).then();
    }

    private static String productKey(long id) {
        return "catalogue:p:" + id;
    }

    private static String stampKey(long id) {
        return "catalogue:pv:" + id;
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
