package io.livehall.showcase.live;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import io.livehall.common.chat.ChatLine;
import io.livehall.common.chat.ChatSettings;
import io.livehall.common.chat.ChatText;
import io.livehall.common.text.BannedWords;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.AppMessage;
import io.livehall.realtime.broker.AppRejection;
import io.livehall.realtime.broker.AppRoutes;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.showcase.ShowcaseDestinations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat and likes of a live room, over the realtime layer: {@code SEND /app/live/{liveId}/chat} and
 * {@code /like}; viewers receive {@code /topic/live/{liveId}/chat} (replayable) and {@code /likes}
 * (latest total). Chat needs an account, is limited per user and in length, and banned words are masked. Likes
 * need an account or a signed guest id ({@code x-guest}), and are limited per viewer (counting likes, not SENDs).
 * Both are refused ({@code not-live}) unless the room's session exists and is live. A user muted for the session
 * ({@link ChatModeration}) is refused ({@code muted}); the connection stays open.
 */
@Component
class LiveRoomChat {

    /** a room's like total is kept this long after its last like */
    static final Duration LIKES_KEPT = Duration.ofDays(7);
    private static final RedisScript<Long> ADD = RedisScripts.load("counter-add", Long.class);

    private final Broker broker;
    private final ReactiveStringRedisTemplate redis;
    private final FixedWindowCounter counter;
    private final BannedWords banned;
    private final OnAir onAir;
    private final ChatMutes mutes;
    private final JsonMapper json;
    private final Clock clock;
    private final int chatPerWindow;
    private final int likesPerWindow;
    private final Duration window;

    LiveRoomChat(Broker broker, AppRoutes routes, DestinationCatalog catalog, ReactiveStringRedisTemplate redis,
                 FixedWindowCounter counter, BannedWords banned, OnAir onAir, ChatMutes mutes, JsonMapper json,
                 Clock clock, ChatSettings settings) {
        this.broker = broker;
        this.redis = redis;
        this.counter = counter;
        this.banned = banned;
        this.onAir = onAir;
        this.mutes = mutes;
        this.json = json;
        this.clock = clock;
        this.chatPerWindow = settings.maxPerWindow();
        this.likesPerWindow = settings.likesPerWindow();
        this.window = settings.window();
        catalog.register(ShowcaseDestinations.CHAT, DestinationKind.EVENT, Access.PUBLIC);
        catalog.register(ShowcaseDestinations.LIKES, DestinationKind.LATEST, Access.PUBLIC);
        routes.register(ShowcaseDestinations.SEND_CHAT, this::chat);
        routes.register(ShowcaseDestinations.SEND_LIKE, this::like);
    }

    Mono<Void> chat(AppMessage message) {
        if (message.user().guest()) {
            return Mono.error(new AppRejection("unauthenticated", "登录后才能发言"));
        }
        String trimmed = ChatText.strip(read(message.body(), ChatRequest.class).text());
        ChatText.Refusal refused = ChatText.refusal(trimmed);
        if (refused != null) {
            return Mono.error(new AppRejection(refused.code(), refused.message()));
        }
        String liveId = message.variable("liveId");
        return requireLive(liveId)
                .then(Mono.defer(() -> notMuted(liveId, message.user().id())))
                .then(withinLimit(message.user().id(), "chat", 1, chatPerWindow, "发言太频繁，请稍后再试"))
                .then(Mono.defer(() -> {
                    ChatLine chat = new ChatLine("live:" + liveId, message.user().id(), message.user().name(),
                            banned.mask(trimmed), clock.instant());
                    return broker.publish(ShowcaseDestinations.CHAT.with(liveId), chat);
                }))
                .then();
    }

    Mono<Void> like(AppMessage message) {
        LikeRequest request = message.body().isBlank() ? new LikeRequest(1) : read(message.body(), LikeRequest.class);
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > 20) {
            return Mono.error(new AppRejection("invalid", "点赞数需为 1-20"));
        }
        if (!message.user().identified()) {
            // a guest without a signed guest id would get a fresh like budget with every connection
            return Mono.error(new AppRejection("unauthenticated", "请刷新页面后再点赞"));
        }
        String liveId = message.variable("liveId");
        return requireLive(liveId)
                .then(withinLimit(message.user().id(), "likes", count, likesPerWindow, "点赞太频繁，请稍后再试"))
                .then(redis.execute(ADD, List.of(RedisKeys.of("live", liveId, "likes")),
                        List.of(Integer.toString(count), Long.toString(LIKES_KEPT.toMillis()))).next())
                .flatMap(total -> broker.publish(ShowcaseDestinations.LIKES.with(liveId), Map.of("room", "live:" + liveId, "total", total)))
                .then();
    }

    /** The room's like total (0 when it had none or the total expired); kept in PostgreSQL when the session ends. */
    Mono<Long> likes(long liveId) {
        return redis.opsForValue().get(RedisKeys.of("live", liveId, "likes")).map(Long::parseLong).defaultIfEmpty(0L);
    }

    private Mono<Void> requireLive(String liveId) {
        return onAir.isLive(liveId).flatMap(live -> live
                ? Mono.<Void>empty()
                : Mono.error(new AppRejection("not-live", "直播未开始或已结束")));
    }

    /** Refuses ({@code muted}) a user the room's merchant or an organiser muted for this session. */
    private Mono<Void> notMuted(String liveId, String userId) {
        return mutes.isMuted(Long.parseLong(liveId), Long.parseLong(userId))
                .flatMap(muted -> muted
                        ? Mono.<Void>error(new AppRejection("muted", "你已被禁言，本场直播内不能发言"))
                        : Mono.empty());
    }

    /** Counts {@code amount} against the user's budget of {@code what} in the window; refuses past {@code max}. */
    private Mono<Void> withinLimit(String who, String what, int amount, int max, String refusal) {
        return counter.hit(RedisKeys.of("ratelimit", who, what), window, amount)
                .flatMap(w -> w.hits() > max
                        ? Mono.error(new AppRejection("rate-limited", refusal))
                        : Mono.empty());
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw new AppRejection("invalid", "消息格式不正确");
        }
    }
}
