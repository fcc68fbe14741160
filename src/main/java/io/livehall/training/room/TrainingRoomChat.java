package io.livehall.training.room;

import java.time.Clock;

import io.livehall.common.chat.ChatLine;
import io.livehall.common.chat.ChatSettings;
import io.livehall.common.chat.ChatText;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.text.BannedWords;
import io.livehall.common.text.PlainText;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.AppMessage;
import io.livehall.realtime.broker.AppRejection;
import io.livehall.realtime.broker.AppRoutes;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.training.TrainingDestinations;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat of a training room, as the showcase live room's (same line rules {@link ChatText}, banned words, per-user
 * limit {@code livehall.chat.*}): {@code SEND /app/training/{sessionId}/chat}, viewers receive
 * {@code /topic/training/{sessionId}/chat} (replayable). Needs an account and a live session; a user the series'
 * organiser banned ({@link RoomBans}) is refused ({@code banned}) and the connection stays open.
 */
@Component
class TrainingRoomChat {

    /** A chat line's body; STOMP bodies meet no Bean Validation, so {@link ChatText} checks the same rules. */
    record ChatRequest(@PlainText String text) {
    }

    private final Broker broker;
    private final FixedWindowCounter counter;
    private final BannedWords banned;
    private final TrainingSessions sessions;
    private final RoomBans bans;
    private final JsonMapper json;
    private final Clock clock;
    private final ChatSettings settings;

    TrainingRoomChat(Broker broker, AppRoutes routes, DestinationCatalog catalog, FixedWindowCounter counter,
                     BannedWords banned, TrainingSessions sessions, RoomBans bans, JsonMapper json, Clock clock,
                     ChatSettings settings) {
        this.broker = broker;
        this.counter = counter;
        this.banned = banned;
        this.sessions = sessions;
        this.bans = bans;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        catalog.register(TrainingDestinations.CHAT, DestinationKind.EVENT, Access.PUBLIC);
        routes.register(TrainingDestinations.SEND_CHAT, this::chat);
    }

    Mono<Void> chat(AppMessage message) {
        if (message.user().guest()) {
            return Mono.error(new AppRejection("unauthenticated", "登录后才能发言"));
        }
        String text = ChatText.strip(read(message.body()).text());
        ChatText.Refusal refused = ChatText.refusal(text);
        if (refused != null) {
            return Mono.error(new AppRejection(refused.code(), refused.message()));
        }
        String id = message.variable("sessionId");
        if (!id.matches("\\d{1,18}")) {
            return Mono.error(new AppRejection("not-live", "直播未开始或已结束"));
        }
        long sessionId = Long.parseLong(id);
        long userId = Long.parseLong(message.user().id());
        return sessions.find(sessionId)
                .filter(s -> s.status() == TrainingStatus.LIVE)
                .switchIfEmpty(Mono.error(() -> new AppRejection("not-live", "直播未开始或已结束")))
                .flatMap(s -> bans.isBanned(s.seriesId(), userId))
                .flatMap(isBanned -> isBanned
                        ? Mono.<Void>error(new AppRejection("banned", "你已被禁止在本系列课程中提问和发言"))
                        : Mono.<Void>empty())
                .then(counter.hit(RedisKeys.of("ratelimit", userId, "chat"), settings.window(), 1))
                .flatMap(w -> w.hits() > settings.maxPerWindow()
                        ? Mono.<Void>error(new AppRejection("rate-limited", "发言太频繁，请稍后再试"))
                        : Mono.<Void>empty())
                .then(Mono.defer(() -> broker.publish(TrainingDestinations.CHAT.with(sessionId),
                        new ChatLine("training:" + sessionId, message.user().id(), message.user().name(),
                                banned.mask(text), clock.instant()))))
                .then();
    }

    private ChatRequest read(String body) {
        try {
            return json.readValue(body, ChatRequest.class);
        } catch (JacksonException e) {
            throw new AppRejection("invalid", "消息格式不正确");
        }
    }
}
