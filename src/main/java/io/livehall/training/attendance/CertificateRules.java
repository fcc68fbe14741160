package io.livehall.training.attendance;

import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A series' certificate rule, read and set by its organiser. */
@Component
class CertificateRules {

    record RuleRequest(@NotNull(message = "请填写最少观看分钟数") @Min(value = 1, message = "最少观看 1 分钟")
                       @Max(value = 720, message = "最多 720 分钟") Integer minWatchMinutes,
                       Boolean includeReplay) {
    }

    /** {@code configured} false: the default (half of each session's duration, live only) applies. */
    record RuleView(long seriesId, boolean configured, Integer minWatchMinutes, boolean includeReplay) {
    }

    private final AttendanceRepository repository;
    private final TrainingSessions sessions;

    CertificateRules(AttendanceRepository repository, TrainingSessions sessions) {
        this.repository = repository;
        this.sessions = sessions;
    }

    Mono<RuleView> rule(TrainingStaff who, long seriesId) {
        return sessions.seriesRunBy(who, seriesId).then(repository.rule(seriesId)
                .map(r -> new RuleView(seriesId, true, r.minWatchMinutes(), r.includeReplay()))
                .defaultIfEmpty(new RuleView(seriesId, false, null, false)));
    }

    Mono<RuleView> save(TrainingStaff who, long seriesId, RuleRequest request) {
        CertificateRule rule = new CertificateRule(request.minWatchMinutes(), Boolean.TRUE.equals(request.includeReplay()));
        return sessions.seriesRunBy(who, seriesId).then(repository.saveRule(seriesId, rule))
                .then(rule(who, seriesId));
    }
}
