package io.livehall.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.common.stream.StreamKind;
import io.livehall.common.text.TextRules;
import io.livehall.realtime.presence.Presence;
import io.livehall.training.TrainingRepository.When;
import io.livehall.training.TrainingViews.Figures;
import io.livehall.training.TrainingViews.SeriesCard;
import io.livehall.training.TrainingViews.SeriesDetail;
import io.livehall.training.TrainingViews.SessionCard;
import io.livehall.training.TrainingViews.SessionDetail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of trainings for everyone: the series list with filters, a series, a session, the calendar. */
@Component
class TrainingQueries {

    static final Duration CALENDAR_MAX = Duration.ofDays(62);

    private final TrainingRepository repository;
    private final Presence presence;
    private final Clock clock;

    TrainingQueries(TrainingRepository repository, Presence presence, Clock clock) {
        this.repository = repository;
        this.presence = presence;
        this.clock = clock;
    }

    /** {@code ?status=} of the public list: upcoming, live or past; anything else 400. */
    static When when(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "live" -> When.LIVE;
            case "upcoming" -> When.UPCOMING;
            case "past" -> When.PAST;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                    List.of(new FieldProblem("status", "状态筛选只能是 upcoming（即将开始）、live（直播中）或 past（已结束）")));
        };
    }

    Mono<Page<SeriesCard>> list(PageRequest page, String tag, String audience, When when, Long organiserId) {
        return repository.list(page.afterId(), page.limit(), filter("tag", tag, 20), filter("audience", audience, 50), when,
                        organiserId, clock.instant())
                .map(row -> new SeriesCard(row.series().id(), row.series().title(), row.series().audience(),
                        row.series().tags(), row.series().coverFileId(), row.series().organiser(), row.sessionCount(),
                        row.liveCount(), row.nextStartsAt(), row.series().createdAt()))
                .collectList()
                .map(items -> Page.of(items, page.limit(), c -> String.valueOf(c.id())));
    }

    Mono<SeriesDetail> detail(long seriesId) {
        return repository.series(seriesId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训系列")))
                .flatMap(this::detail);
    }

    Mono<SeriesDetail> detail(TrainingSeries s) {
        return repository.sessionsOf(s.id()).map(TrainingQueries::card).collectList()
                .map(sessions -> new SeriesDetail(s.id(), s.title(), s.audience(), s.tags(), s.coverFileId(),
                        s.organiser(), s.organiserId(), s.createdAt(), s.updatedAt(), sessions));
    }

    Mono<SessionDetail> session(long id) {
        return repository.session(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")))
                .flatMap(this::detail);
    }

    /** A session's page: its series' tags and cover, materials and, while live, the audience now. */
    Mono<SessionDetail> detail(TrainingSession s) {
        Mono<Figures> figures = s.status() != TrainingStatus.LIVE ? Mono.just(new Figures(0, 0, 0))
                : presence.viewers(TrainingDestinations.ROOM_TYPE, String.valueOf(s.id()))
                        .map(v -> new Figures(v.now(), v.peak(), v.unique()))
                        .onErrorResume(e -> Mono.empty())
                        .defaultIfEmpty(new Figures(0, 0, 0));
        return Mono.zip(repository.series(s.seriesId()), repository.materials(s.id()).collectList(), figures)
                .map(t -> new SessionDetail(s.id(), s.seriesId(), s.seriesTitle(), t.getT1().tags(),
                        t.getT1().coverFileId(), s.title(), s.lecturer(), s.startsAt(), s.durationMinutes(),
                        s.streamUrl(), StreamKind.of(s.streamUrl()), s.status(), s.startedAt(), s.endedAt(),
                        t.getT2(), t.getT3()));
    }

    /** Sessions starting in [from, to) for the calendar: at most {@link #CALENDAR_MAX} apart. */
    Flux<SessionCard> calendar(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).compareTo(CALENDAR_MAX) > 0) {
            return Flux.error(ApiProblem.badRequest("bad-range", "日历范围需为 from < to，且最多 62 天"));
        }
        return repository.between(from, to).map(TrainingQueries::card);
    }

    static SessionCard card(TrainingSession s) {
        return new SessionCard(s.id(), s.seriesId(), s.seriesTitle(), s.title(), s.lecturer(), s.startsAt(),
                s.durationMinutes(), s.status());
    }

    /** A text filter: null when blank, else one line of at most {@code max} characters (400 naming the field). */
    private static String filter(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = TextRules.requireLine(field, value.strip());
        if (v.codePointCount(0, v.length()) > max) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                    List.of(new FieldProblem(field, "筛选条件不能超过 " + max + " 个字")));
        }
        return v;
    }
}
