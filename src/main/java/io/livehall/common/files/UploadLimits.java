package io.livehall.common.files;

import java.time.Duration;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Per-user limits on uploads, in Redis (shared by all instances):
 * <ul>
 *   <li>a rate limit on attempts ({@code rate-limit} per {@code rate-window}, 20 a minute), counted before the body
 *       is read;</li>
 *   <li>a quota on what is stored ({@code quota-files} files and {@code quota-bytes} bytes per {@code quota-window}:
 *       200 files and 200 MB a day). A file's size is taken from the quota before it is stored, atomically and only
 *       if it fits ({@code redis/upload-quota-take.lua}), so uploads racing for the last of it cannot all pass; if
 *       storing then fails, it is given back ({@code redis/upload-quota-give-back.lua}). Refused and failed uploads
 *       do not count.</li>
 * </ul>
 * Over either: 429 with {@code Retry-After}, nothing stored. Keys: {@code livehall:upload:{<userId>}:rate|files|bytes}.
 */
@Component
class UploadLimits {

    private static final Log log = LogFactory.getLog(UploadLimits.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long MB = 1024 * 1024;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = RedisScripts.load("upload-quota-take", List.class);
    private static final RedisScript<Long> GIVE_BACK = RedisScripts.load("upload-quota-give-back", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final FixedWindowCounter counter;
    private final UploadSettings settings;

    UploadLimits(ReactiveStringRedisTemplate redis, FixedWindowCounter counter, UploadSettings settings) {
        this.redis = redis;
        this.counter = counter;
        this.settings = settings;
    }

    /** Counts an attempt; 429 if the user has made too many in the current window. */
    Mono<Void> attempt(long userId) {
        return counter.hit(RedisKeys.of("upload", userId, "rate"), settings.rateWindow(), 1)
                .timeout(TIMEOUT)
                .flatMap(window -> window.hits() > settings.rateLimit()
                        ? Mono.error(tooMany("upload-rate-limited",
                                "上传过于频繁：" + describe(settings.rateWindow()) + "最多 " + settings.rateLimit()
                                        + " 个文件，请稍后再试", window.endsIn()))
                        : Mono.empty());
    }

    /**
     * Stores through {@code store} if {@code bytes} fit in the user's quota, taking them from it first and giving them
     * back if storing fails; 429 (nothing stored) if they do not fit.
     */
    <T> Mono<T> withinQuota(long userId, long bytes, Mono<T> store) {
        List<String> keys = List.of(RedisKeys.of("upload", userId, "files"), RedisKeys.of("upload", userId, "bytes"));
        return redis.execute(TAKE, keys, List.of(Long.toString(settings.quotaWindow().toMillis()),
                        Integer.toString(settings.quotaFiles()), Long.toString(settings.quotaBytes().toBytes()),
                        Long.toString(bytes)))
                .next()
                .timeout(TIMEOUT)
                .flatMap(answer -> {
                    boolean taken = ((Number) answer.get(0)).longValue() == 1;
                    if (!taken) {
                        long files = ((Number) answer.get(1)).longValue();
                        Duration endsIn = Duration.ofMillis(((Number) answer.get(3)).longValue());
                        String detail = files + 1 > settings.quotaFiles()
                                ? "已达上传数量上限：" + describe(settings.quotaWindow()) + "最多 " + settings.quotaFiles() + " 个文件"
                                : "已达上传容量上限：" + describe(settings.quotaWindow()) + "最多 "
                                        + size(settings.quotaBytes().toBytes());
                        return Mono.error(tooMany("upload-quota-exceeded", detail, endsIn));
                    }
                    return store.onErrorResume(e -> giveBack(keys, bytes).then(Mono.error(e)));
                });
    }

    private Mono<Void> giveBack(List<String> keys, long bytes) {
        return redis.execute(GIVE_BACK, keys, List.of(Long.toString(bytes))).next().timeout(TIMEOUT)
                .doOnError(e -> log.warn("Could not give back " + bytes + " bytes of upload quota (" + keys + ")", e))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private static ApiProblem tooMany(String type, String detail, Duration retryAfter) {
        return ApiProblem.tooManyRequests(type, detail, retryAfter);
    }

    static String size(long bytes) {
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + " 字节";
    }

    /** A window in Chinese: 每天, 每小时, 每分钟, 每 3 天, 每 10 分钟, 每 30 秒. */
    static String describe(Duration window) {
        long seconds = window.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return seconds == 86_400 ? "每天" : "每 " + seconds / 86_400 + " 天";
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return seconds == 3_600 ? "每小时" : "每 " + seconds / 3_600 + " 小时";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds == 60 ? "每分钟" : "每 " + seconds / 60 + " 分钟";
        }
        return "每 " + Math.max(1, seconds) + " 秒";
    }
}
