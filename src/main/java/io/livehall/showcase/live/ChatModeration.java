package io.livehall.showcase.live;

import java.util.List;

import io.livehall.common.chat.ChatText;
import io.livehall.common.error.ApiProblem;
import io.livehall.realtime.broker.Broker;
import io.livehall.showcase.ShowcaseDestinations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moderating a live room's chat, by the session's merchant or an organiser ({@link LiveStaff}): hide a line and
 * mute a user for the session. A hidden line is taken out of the chat topic's replay buffer (later arrivals and
 * reconnects never load it) and a {@link ChatText.Hidden} event on the chat topic removes it from open rooms. A muted user's
 * chat SENDs are refused ({@code muted}) by {@link LiveRoomChat}; mutes are kept in PostgreSQL ({@link ChatMutes}).
 */
@Service
class ChatModeration {

    private final LiveSessionRepository sessions;
    private final LiveStaff staff;
    private final ChatMutes mutes;
    private final Broker broker;

    ChatModeration(LiveSessionRepository sessions, LiveStaff staff, ChatMutes mutes, Broker broker) {
        this.sessions = sessions;
        this.staff = staff;
        this.mutes = mutes;
        this.broker = broker;
    }

    Mono<Void> hide(long userId, long sessionId, String messageId) {
        if (messageId == null || !ChatText.MESSAGE_ID.matcher(messageId).matches()) {
            return Mono.error(ApiProblem.badRequest("invalid-message-id", "消息编号格式不正确"));
        }
        String chat = ShowcaseDestinations.CHAT.with(sessionId);
        return requireStaff(userId, sessionId)
                .then(broker.retract(chat, messageId))
                .then(broker.publish(chat, new ChatText.Hidden("live:" + sessionId, messageId)))
                .then();
    }

    Mono<ChatMutes.Mute> mute(long userId, long sessionId, long target) {
        return requireStaff(userId, sessionId)
                .then(mutes.displayName(target).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("用户"))))
                .flatMap(name -> staff.isStaff(sessionId, target).flatMap(targetIsStaff -> targetIsStaff
                        ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "mute-staff", "不能禁言本场商家或主办方"))
                        : mutes.mute(sessionId, target, userId)))
                .then(mutes.of(sessionId).filter(m -> m.userId() == target).next());
    }

    Mono<Void> unmute(long userId, long sessionId, long target) {
        return requireStaff(userId, sessionId).then(mutes.unmute(sessionId, target));
    }

    Mono<List<ChatMutes.Mute>> mutes(long userId, long sessionId) {
        return requireStaff(userId, sessionId).then(mutes.of(sessionId).collectList());
    }

    /** 404 when the session does not exist, 403 when the user is not its merchant or an organiser. */
    private Mono<Void> requireStaff(long userId, long sessionId) {
        return sessions.status(sessionId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .then(staff.isStaff(sessionId, userId))
                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(new ApiProblem(HttpStatus.FORBIDDEN,
                        "not-room-staff", "只有本场直播的商家和主办方可以管理聊天")));
    }
}
