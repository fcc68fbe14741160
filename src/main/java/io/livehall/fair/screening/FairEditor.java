package io.livehall.fair.screening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.events.AfterCommit;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.Fair;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairStaff;
import io.livehall.fair.FairStatus;
import io.livehall.fair.Fairs;
import io.livehall.fair.screening.FairViews.Card;
import io.livehall.fair.screening.FairViews.Detail;
import io.livehall.fair.screening.FairViews.Organiser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The organisers' side of fairs: create (a draft), edit, publish, cancel, co-organisers. Someone else's fair answers 404
 * ({@link Fairs#runBy}); status changes are conditional updates, so a repeated or raced one answers 409.
 */
@Service
class FairEditor {

    static final Duration HORIZON = Duration.ofDays(730);
    static final Duration LONGEST = Duration.ofDays(31);

    private final FairStore store;
    private final FairQueries queries;
    private final FairPages pages;
    private final Fairs fairs;
    private final FileStorage files;
    private final ScreeningNotices notices;
    private final TransactionalOperator tx;
    private final AfterCommit afterCommit;
    private final FairActivity activity;
    private final Clock clock;

    FairEditor(FairStore store, FairQueries queries, FairPages pages, Fairs fairs, FileStorage files,
               ScreeningNotices notices, TransactionalOperator tx, AfterCommit afterCommit, FairActivity activity,
               Clock clock) {
        this.store = store;
        this.queries = queries;
        this.pages = pages;
        this.fairs = fairs;
        this.files = files;
        this.notices = notices;
        this.tx = tx;
        this.afterCommit = afterCommit;
        this.activity = activity;
        this.clock = clock;
    }

    Mono<Page<Card>> mine(FairStaff who, PageRequest page) {
        return queries.runBy(who.admin() ? null : who.userId(), page.afterId(), page.limit()).collectList()
                .map(rows -> Page.of(rows, page.limit(), c -> Long.toString(c.id())));
    }

    Mono<Detail> detail(FairStaff who, long id) {
        return fairs.runBy(who, id).then(Mono.defer(() -> pages.detail(id, who.userId(), true)));
    }

    Mono<Detail> create(FairStaff who, FairRequest r) {
        return check(r, null)
                .then(Mono.defer(() -> tx.transactional(store.insert(who.userId(), r)
                        .flatMap(id -> store.replaceAgenda(id, r.agendaOrEmpty()).thenReturn(id)))))
                .flatMap(id -> pages.detail(id, who.userId(), true));
    }

    Mono<Detail> edit(FairStaff who, long id, FairRequest r) {
        return fairs.runBy(who, id)
                .flatMap(fair -> check(r, fair).then(tx.transactional(store.update(id, r, clock.instant())
                        .flatMap(rows -> rows == 1 ? store.replaceAgenda(id, r.agendaOrEmpty()) : Mono.error(cancelled()))
                        .then(changed(id)))))
                .then(Mono.defer(() -> pages.detail(id, who.userId(), true)));
    }

    /** DRAFT → PUBLISHED, while it has not ended. */
    Mono<Detail> publish(FairStaff who, long id) {
        return fairs.runBy(who, id)
                .flatMap(fair -> fair.endedAt(clock.instant())
                        ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "fair-ended", "对接会已结束，不能发布"))
                        : store.move(id, FairStatus.DRAFT, FairStatus.PUBLISHED, clock.instant()))
                .flatMap(rows -> rows == 1 ? changed(id) : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "fair-state",
                        "只能发布草稿状态的对接会")))
                .then(Mono.defer(() -> pages.detail(id, who.userId(), true)));
    }

    /** DRAFT or PUBLISHED → CANCELLED; the enterprises registered (and not turned down) are told. */
    Mono<Detail> cancel(FairStaff who, long id) {
        return fairs.runBy(who, id)
                .flatMap(fair -> fair.status() == FairStatus.CANCELLED
                        ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "fair-state", "对接会已取消"))
                        : tx.transactional(store.move(id, fair.status(), FairStatus.CANCELLED, clock.instant())
                                .flatMap(rows -> rows == 1
                                        ? store.contactsToTell(id).collectList()
                                                .flatMap(users -> notices.cancelled(users, id, fair.title()))
                                                .then(changed(id))
                                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "fair-state", "对接会状态已变化，请刷新")))))
                .then(Mono.defer(() -> pages.detail(id, who.userId(), true)));
    }

    Mono<List<Organiser>> addOrganiser(FairStaff who, long id, String username) {
        return fairs.runBy(who, id)
                .flatMap(fair -> store.organiserAccount(username.strip())
                        .switchIfEmpty(Mono.error(() -> invalid(List.of(new FieldProblem("username", "没有这个主办方账号")))))
                        .flatMap(userId -> userId == fair.organiserId() ? Mono.just(0L) : store.addOrganiser(id, userId)))
                .flatMap(rows -> rows == 1 ? changed(id)
                        : Mono.error(ApiProblem.conflict("organiser-exists", "username", "该账号已是本场对接会的主办方")))
                .then(Mono.defer(() -> store.organisers(id).collectList()));
    }

    Mono<List<Organiser>> removeOrganiser(FairStaff who, long id, long userId) {
        return fairs.runBy(who, id)
                .then(Mono.defer(() -> store.removeOrganiser(id, userId)))
                .flatMap(rows -> rows == 1 ? changed(id) : Mono.error(ApiProblem.notFound("协办主办方")))
                .then(Mono.defer(() -> store.organisers(id).collectList()));
    }

    private Mono<Void> changed(long fairId) {
        return afterCommit.run("fair-changed", () -> Mono.fromRunnable(
                () -> activity.changed(fairId, FairActivity.What.FAIR, fairId)));
    }

    /**
     * Rules across fields, all reported at once: the period (ends after it starts, at most 31 days, within two years;
     * a new or moved start in the future), a venue unless online, agenda items within the period, the cover an
     * uploaded image; on an edit, capacity not under the approvals so far and no switch between a roadshow and the
     * other kinds once enterprises registered.
     */
    private Mono<Void> check(FairRequest r, Fair current) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        if (!r.endsAt().isAfter(r.startsAt())) {
            problems.add(new FieldProblem("endsAt", "结束时间需晚于开始时间"));
        } else if (Duration.between(r.startsAt(), r.endsAt()).compareTo(LONGEST) > 0) {
            problems.add(new FieldProblem("endsAt", "对接会最长 31 天"));
        }
        boolean moved = current == null || !current.startsAt().equals(r.startsAt());
        if (moved && !r.startsAt().isAfter(now)) {
            problems.add(new FieldProblem("startsAt", "开始时间需晚于现在"));
        } else if (r.startsAt().isAfter(now.plus(HORIZON))) {
            problems.add(new FieldProblem("startsAt", "开始时间需在两年以内"));
        }
        if (r.mode() != io.livehall.fair.FairMode.ONLINE && r.venueOrNull() == null) {
            problems.add(new FieldProblem("venue", "线下或线上线下结合的对接会需填写会场"));
        }
        List<FairRequest.AgendaItemRequest> agenda = r.agendaOrEmpty();
        for (int i = 0; i < agenda.size(); i++) {
            FairRequest.AgendaItemRequest item = agenda.get(i);
            if (item.startsAt().isBefore(r.startsAt()) || !item.startsAt().isBefore(r.endsAt())) {
                problems.add(new FieldProblem("agenda[" + i + "].startsAt", "议程时间需在对接会举办期间"));
            }
            if (item.endsAt() != null && (!item.endsAt().isAfter(item.startsAt()) || item.endsAt().isAfter(r.endsAt()))) {
                problems.add(new FieldProblem("agenda[" + i + "].endsAt", "议程结束时间需晚于开始时间且不晚于对接会结束"));
            }
        }
        Mono<Void> cover = r.coverFileId() == null ? Mono.empty() : files.describe(r.coverFileId())
                .map(f -> f.purpose() == FilePurpose.IMAGE).defaultIfEmpty(false)
                .doOnNext(ok -> {
                    if (!ok) {
                        problems.add(new FieldProblem("coverFileId", "封面需为已上传的图片"));
                    }
                }).then();
        Mono<Void> existing = current == null ? Mono.empty() : Mono.zip(store.participants(current.id(), true),
                        store.participants(current.id(), false))
                .doOnNext(t -> {
                    if (r.capacity() < t.getT1()) {
                        problems.add(new FieldProblem("capacity", "名额不能少于已通过的 " + t.getT1() + " 家"));
                    }
                    boolean switched = (current.kind() == FairKind.ROADSHOW) != (r.kind() == FairKind.ROADSHOW);
                    if (switched && t.getT2() > 0) {
                        problems.add(new FieldProblem("kind", "已有企业报名，不能在投融资路演与其他类型之间切换"));
                    }
                }).then();
        return cover.then(existing).then(Mono.defer(() -> problems.isEmpty() ? Mono.empty() : Mono.error(invalid(problems))));
    }

    private static ApiProblem cancelled() {
        return new ApiProblem(HttpStatus.CONFLICT, "fair-state", "对接会已取消，不能修改");
    }

    static ApiProblem invalid(List<FieldProblem> problems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems);
    }
}
