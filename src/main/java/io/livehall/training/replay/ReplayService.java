package io.livehall.training.replay;

import java.util.ArrayList;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import io.livehall.training.TrainingStatus;
import io.livehall.training.replay.ReplayRepository.ReplayRow;
import io.livehall.training.replay.ReplayViews.OrganiserReplay;
import io.livehall.training.replay.ReplayViews.Replay;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A session's replay. The series' organiser (or an admin) sets it once the session has ENDED: an https address (HLS or
 * MP4) or an MP4 they uploaded, with chapters; the first time moves the session to REPLAY_AVAILABLE, in the same
 * transaction (so a replay never exists on a session that is not available for replay). Later the organiser may
 * change the address or file and the chapters. A replay is not removed: a session cannot go back to ENDED, and a
 * wrong replay is fixed by setting another.
 */
@Service
class ReplayService {

    private final ReplayRepository repository;
    private final TrainingSessions sessions;
    private final ReplayWatch watch;
    private final FileStorage files;
    private final TransactionalOperator tx;

    ReplayService(ReplayRepository repository, TrainingSessions sessions, ReplayWatch watch, FileStorage files,
                  TransactionalOperator tx) {
        this.repository = repository;
        this.sessions = sessions;
        this.watch = watch;
        this.files = files;
        this.tx = tx;
    }

    /** The public replay of a session; 404 when there is no such session or it has no replay. */
    Mono<Replay> replay(long sessionId) {
        return repository.replay(sessionId).flatMap(this::view)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("回看")));
    }

    /** The organiser's view of a session's replay (404 when not theirs). */
    Mono<OrganiserReplay> forOrganiser(TrainingStaff who, long sessionId) {
        return sessions.runBy(who, sessionId).flatMap(this::organiserView);
    }

    Mono<OrganiserReplay> set(TrainingStaff who, long sessionId, ReplayRequest r) {
        return sessions.runBy(who, sessionId)
                .flatMap(s -> s.status() == TrainingStatus.ENDED || s.status() == TrainingStatus.REPLAY_AVAILABLE
                        ? Mono.just(s)
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "training-session-state",
                                "课程" + s.status().label() + "，结束后才能设置回看")))
                .flatMap(s -> repository.replay(sessionId).map(ReplayRow::url).defaultIfEmpty("")
                        .flatMap(stored -> check(who, r, stored)).flatMap(kind -> tx.transactional(
                        repository.save(sessionId, r.url(), r.fileId(), kind, r.chapterList())
                                .then(s.status() == TrainingStatus.ENDED
                                        ? sessions.replayAvailable(who, sessionId) : Mono.just(s)))))
                .flatMap(this::organiserView);
    }

    private Mono<OrganiserReplay> organiserView(TrainingSession s) {
        return Mono.zip(repository.replay(s.id()).flatMap(this::view).map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty()), watch.figures(s.id()))
                .map(t -> new OrganiserReplay(s.id(), s.status(), t.getT1().orElse(null), t.getT2()));
    }

    private Mono<Replay> view(ReplayRow row) {
        String playUrl = row.url() != null ? row.url() : "/api/files/" + row.fileId();
        return Mono.zip(repository.chapters(row.sessionId()).collectList(), watch.figures(row.sessionId()))
                .map(t -> new Replay(row.sessionId(), row.url() != null ? "URL" : "FILE", row.url(), row.fileId(),
                        row.kind(), playUrl, t.getT1(), t.getT2(), row.updatedAt()));
    }

    /**
     * Exactly one source; an address the page can play (HLS or MP4), https (a path only when it is the one stored); a file that is an uploaded video of the organiser
     * (an admin may use anyone's); chapters in strictly increasing order. All problems together as one 400. Answers
     * the replay's kind.
     */
    private Mono<ReplayKind> check(TrainingStaff who, ReplayRequest r, String storedUrl) {
        List<FieldProblem> problems = new ArrayList<>();
        ReplayKind kind = null;
        if ((r.url() == null) == (r.fileId() == null)) {
            problems.add(new FieldProblem("url", "请填写回放地址或上传回放视频（二选一）"));
        } else if (r.url() != null) {
            kind = ReplayKind.of(r.url());
            if (r.url().startsWith("/") && !r.url().equals(storedUrl)) {
                // a path on the platform's own host is the demo's; organisers enter complete https addresses
                problems.add(new FieldProblem("url", "回放地址需为 https:// 开头的完整网址"));
            } else if (kind == null) {
                problems.add(new FieldProblem("url", "回放地址需为 HLS（.m3u8）或 MP4（.mp4）视频地址"));
            }
        }
        List<ChapterRequest> chapters = r.chapterList();
        for (int i = 1; i < chapters.size(); i++) {
            if (chapters.get(i).startSeconds() <= chapters.get(i - 1).startSeconds()) {
                problems.add(new FieldProblem("chapters[" + i + "].startSeconds", "章节开始时间需晚于上一章节"));
            }
        }
        Mono<ReplayKind> fileKind = r.fileId() == null ? Mono.justOrEmpty(kind)
                : files.describe(r.fileId())
                        .filter(f -> f.purpose() == FilePurpose.VIDEO && (who.admin() || f.ownerId() == who.userId()))
                        .map(f -> ReplayKind.MP4)
                        .switchIfEmpty(Mono.fromRunnable(() -> problems.add(new FieldProblem("fileId", "回放视频需为您已上传的 MP4 视频"))));
        return fileKind.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(k -> problems.isEmpty() ? Mono.justOrEmpty(k)
                        : Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems)));
    }
}
