package io.livehall.showcase.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.text.TextRules;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.AppMessage;
import io.livehall.realtime.broker.AppRejection;
import io.livehall.realtime.broker.AppRoutes;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.showcase.ShowcaseDestinations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat and likes of a live room, over the realtime layer: {@code SEND /app/live/{liveId}/chat} and
 * {@code /like}; viewers receive {@code /topic/live/{liveId}/chat} (replayable) and {@code /likes}
 * (latest total). Chat needs an account, is limited per user and in length, and banned words are masked.
 * Both are refused ({@code not-live}) unless the room's session exists and is live.
 */
@Component
class LiveRoomChat {

    static final int MAX_LENGTH = 200;

    private final Broker broker;
    private final ReactiveStringRedisTemplate redis;
    private final FixedWindowCounter counter;
    private final BannedWords banned;
    private final OnAir onAir;
    private final JsonMapper json;
    private final int chatPerWindow;
    private final Duration window;

    LiveRoomChat(Broker broker, AppRoutes routes, DestinationCatalog catalog, ReactiveStringRedisTemplate redis,
                 FixedWindowCounter counter, BannedWords banned, OnAir onAir, JsonMapper json,
                 @Value("${livehall.chat.max-per-window:5}") int chatPerWindow,
                 @Value("${livehall.chat.window:10s}") Duration window) {
        this.broker = broker;
        this.redis = redis;
        this.counter = counter;
        this.banned = banned;
        this.onAir = onAir;
        this.json = json;
        this.chatPerWindow = chatPerWindow;
        this.window = window;
        catalog.register(ShowcaseDestinations.CHAT, DestinationKind.EVENT, Access.PUBLIC);
        catalog.register(ShowcaseDestinations.LIKES, DestinationKind.LATEST, Access.PUBLIC);
        routes.register(ShowcaseDestinations.SEND_CHAT, this::chat);
        routes.register(ShowcaseDestinations.SEND_LIKE, this::like);
    }

    Mono<Void> chat(AppMessage message) {
        if (message.user().guest()) {
            return Mono.error(new AppRejection("unauthenticated", "登录后才能发言"));
        }
        String text = read(message.body(), ChatRequest.class).text();
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Mono.error(new AppRejection("invalid", "发言不能为空"));
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            return Mono.error(new AppRejection("too-long", "发言不能超过 " + MAX_LENGTH + " 个字"));
        }
        String refused = TextRules.problem(trimmed, false);
        if (refused != null) {
            return Mono.error(new AppRejection("invalid", "发言" + refused));
        }
        String liveId = message.variable("liveId");
        return requireLive(liveId)
                .then(withinLimit("chat:" + message.user().id(), chatPerWindow, "发言太频繁，请稍后再试"))
                .then(Mono.defer(() -> {
                    ChatMessage chat = new ChatMessage("live:" + liveId, message.user().id(), message.user().name(),
                            banned.mask(trimmed), Instant.now());
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
        String liveId = message.variable("liveId");
        return requireLive(liveId)
                .then(withinLimit("like:" + message.user().id(), 20, "点赞太频繁，请稍后再试"))
                .then(redis.opsForValue().increment("livehall:live:" + liveId + ":likes", count))
                .flatMap(total -> broker.publish(ShowcaseDestinations.LIKES.with(liveId), Map.of("room", "live:" + liveId, "total", total)))
                .then();
    }

    private Mono<Void> requireLive(String liveId) {
        return onAir.isLive(liveId).flatMap(live -> live
                ? Mono.<Void>empty()
                : Mono.error(new AppRejection("not-live", "直播未开始或已结束")));
    }

    private Mono<Void> withinLimit(String who, int max, String refusal) {
        return counter.hit("livehall:ratelimit:" + who, window)
                .flatMap(n -> n > max
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
