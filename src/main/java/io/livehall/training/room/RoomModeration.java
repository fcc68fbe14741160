package io.livehall.training.room;

import java.util.List;

import io.livehall.common.chat.ChatText;
import io.livehall.common.error.ApiProblem;
import io.livehall.realtime.broker.Broker;
import io.livehall.training.TrainingDestinations;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moderating a training room, by the series' organiser (or an admin): hide a chat line (taken out of the topic's
 * replay buffer, and a {@link ChatText.Hidden} event removes it from open rooms) and ban a user from asking and
 * chatting in every room of the series ({@link RoomBans}, PostgreSQL).
 */
@Service
class RoomModeration {

    private final TrainingSessions sessions;
    private final RoomBans bans;
    private final Broker broker;

    RoomModeration(TrainingSessions sessions, RoomBans bans, Broker broker) {
        this.sessions = sessions;
        this.bans = bans;
        this.broker = broker;
    }

    Mono<Void> hideChat(TrainingStaff who, long sessionId, String messageId) {
        if (messageId == null || !ChatText.MESSAGE_ID.matcher(messageId).matches()) {
            return Mono.error(ApiProblem.badRequest("invalid-message-id", "消息编号格式不正确"));
        }
        String chat = TrainingDestinations.CHAT.with(sessionId);
        return sessions.runBy(who, sessionId)
                .then(broker.retract(chat, messageId))
                .then(broker.publish(chat, new ChatText.Hidden("training:" + sessionId, messageId)))
                .then();
    }

    Mono<List<RoomBans.Ban>> bans(TrainingStaff who, long sessionId) {
        return sessions.runBy(who, sessionId).flatMap(s -> bans.of(s.seriesId()).collectList());
    }

    Mono<List<RoomBans.Ban>> ban(TrainingStaff who, long sessionId, long target) {
        return sessions.runBy(who, sessionId)
                .flatMap(s -> bans.userExists(target).flatMap(found -> {
                    if (!found) {
                        return Mono.error(ApiProblem.notFound("用户"));
                    }
                    if (target == s.organiserId() || target == who.userId()) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "ban-staff", "不能禁止本系列的主办方"));
                    }
                    return bans.ban(s.seriesId(), target, who.userId()).thenReturn(s);
                }))
                .flatMap(this::listOf);
    }

    Mono<List<RoomBans.Ban>> unban(TrainingStaff who, long sessionId, long target) {
        return sessions.runBy(who, sessionId).flatMap(s -> bans.unban(s.seriesId(), target).thenReturn(s)).flatMap(this::listOf);
    }

    private Mono<List<RoomBans.Ban>> listOf(TrainingSession s) {
        return bans.of(s.seriesId()).collectList();
    }
}
