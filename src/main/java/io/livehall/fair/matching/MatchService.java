package io.livehall.fair.matching;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.common.text.TextRules;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.PairProgress;
import io.livehall.fair.PairStage;
import io.livehall.fair.Participant;
import io.livehall.fair.matching.MatchViews.Counterpart;
import io.livehall.fair.matching.MatchViews.Match;
import io.livehall.fair.matching.MatchViews.MyMatches;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The rules of the matching endpoints: an approved participant sees its own listings' ranked matches (404 for a fair
 * it may not see, 403 until approved, 404 for a listing that is not its own); organisers of the fair see the pairs,
 * who has no match yet, match two approved participants by hand and ask for a full recompute.
 */
@Service
class MatchService {

    private final Fairs fairs;
    private final MatchReadRepository reads;
    private final MatchingQueue queue;
    private final IndustryTaxonomy taxonomy;
    private final ObjectProvider<PairProgress> progress;
    private final TransactionalOperator tx;
    private final FairActivity activity;
    private final MatchPages pages;
    private final JsonMapper json;

    MatchService(Fairs fairs, MatchReadRepository reads, MatchingQueue queue, IndustryTaxonomy taxonomy,
                 ObjectProvider<PairProgress> progress, TransactionalOperator tx, FairActivity activity,
                 MatchPages pages, JsonMapper json) {
        this.fairs = fairs;
        this.reads = reads;
        this.queue = queue;
        this.taxonomy = taxonomy;
        this.progress = progress;
        this.tx = tx;
        this.activity = activity;
        this.pages = pages;
        this.json = json;
    }

    /**
     * A page of my matches (the organisers' recommendations on the first page only). The caller's standing and the
     * unfiltered first page are kept near ({@link MatchPages}); otherwise one statement checks the standing and three
     * concurrent ones read my listings, my matches and the recommendations.
     */
    Mono<byte[]> mine(long fairId, FairStaff who, Long listingId, String after, Integer limit) {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : Math.max(1, Math.min(PageRequest.MAX_LIMIT, limit));
        int[] cursor = cursor(after);
        return pages.participant(fairId, who.userId(), () -> fairs.approvedParticipantIdAt(fairId, who))
                .flatMap(me -> cursor == null && listingId == null
                        ? pages.firstPage(me, size, () -> read(fairId, me, null, null, size).map(this::json))
                        : read(fairId, me, listingId, cursor, size).map(this::json));
    }

    private byte[] json(MyMatches page) {
        return json.writeValueAsBytes(page);
    }

    private Mono<MyMatches> read(long fairId, long me, Long listingId, int[] cursor, int size) {
        return Mono.zip(reads.listingsOf(me).collectList(),
                        reads.matchesOf(fairId, me, listingId, cursor, size + 1).collectList(),
                        cursor == null ? reads.recommendedFor(fairId, me).collectList()
                                : Mono.just(List.<MatchViews.Recommended>of()))
                .flatMap(t -> {
                    if (listingId != null && t.getT1().stream().noneMatch(l -> l.id() == listingId)) {
                        return Mono.error(ApiProblem.notFound("供需信息"));
                    }
                    var page = Page.of(t.getT2(), size, m -> m.score().total() + "_" + m.listingId() + "_"
                            + m.counterpartId());
                    return Mono.just(new MyMatches(t.getT1(), page.items().stream().map(this::view).toList(),
                            t.getT3(), page.next()));
                });
    }

    /** "score_listing_counterpart" of the last match shown; null for the first page. */
    private static int[] cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        String[] parts = after.split("_", -1);
        try {
            if (parts.length == 3) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
    }

    private Match view(MatchReadRepository.StoredMatch m) {
        String sharedName = m.score().sharedCategory() == null ? null
                : taxonomy.find(m.score().sharedCategory()).map(IndustryTaxonomy.Industry::name).orElse(null);
        List<MatchScore.Part> parts = m.score().parts(sharedName);
        String categoryName = taxonomy.find(m.counterpartCategory()).map(IndustryTaxonomy.Industry::name).orElse(null);
        return new Match(m.listingId(), m.listingTitle(), new Counterpart(m.counterpartId(), m.counterpartTitle(),
                m.counterpartSide(), m.counterpartCategory(), categoryName, m.counterpartRegion(),
                m.counterpartParticipantId(), m.counterpartEnterprise()), m.score().total(), parts);
    }

    Mono<MatchViews.Summary> summary(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).then(reads.summary(fairId));
    }

    Mono<Page<MatchViews.Pair>> pairs(FairStaff who, long fairId, PageRequest page) {
        return fairs.runBy(who, fairId).thenMany(reads.pairs(fairId, page.afterId(), page.limit())).collectList()
                .map(rows -> Page.of(rows, page.limit(), p -> Long.toString(p.id())));
    }

    Mono<Page<MatchViews.Party>> unmatched(FairStaff who, long fairId, PageRequest page) {
        return fairs.runBy(who, fairId).thenMany(reads.unmatched(fairId, page.afterId(), page.limit())).collectList()
                .map(rows -> Page.of(rows, page.limit(), p -> Long.toString(p.participantId())));
    }

    /** Approved participants to pick for a manual match, by a part of the enterprise name (1–50 characters). */
    Mono<List<MatchViews.Party>> pick(FairStaff who, long fairId, String q) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty() || query.length() > 50 || TextRules.problem(query, false) != null) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请输入 1–50 字的企业名称",
                    List.of(new FieldProblem("q", "请输入 1–50 字的企业名称"))));
        }
        return fairs.runBy(who, fairId).thenMany(reads.approvedNamed(fairId, query)).collectList();
    }

    Mono<MatchViews.Queued> recompute(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).map(fair -> new MatchViews.Queued(queue.recompute(fairId)));
    }

    /** Matches two approved participants of the fair by hand; 409 if they are a pair already. */
    Mono<MatchViews.Pair> manual(FairStaff who, long fairId, ManualMatchRequest request) {
        long a = request.participantA();
        long b = request.participantB();
        if (a == b) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请选择两家不同的企业",
                    List.of(new FieldProblem("participantB", "请选择两家不同的企业"))));
        }
        return fairs.runBy(who, fairId)
                .then(approvedAt(fairId, a, "participantA")).then(approvedAt(fairId, b, "participantB"))
                .then(reads.addManual(fairId, a, b, request.note().strip(), who.userId()).as(tx::transactional))
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("already-matched", "participantB",
                        "这两家企业已经匹配过了")))
                .flatMap(id -> {
                    PairProgress pipeline = progress.getIfAvailable();
                    Mono<Void> moved = pipeline == null ? Mono.empty()
                            : pipeline.reached(fairId, Math.min(a, b), Math.max(a, b), PairStage.MATCHED, who.userId())
                                    .as(tx::transactional);
                    return moved.then(pages.changed(List.of(a, b))).then(reads.pair(fairId, id));
                })
                .doOnSuccess(pair -> activity.changed(fairId, FairActivity.What.MATCH, pair.id()));
    }

    private Mono<Participant> approvedAt(long fairId, long participantId, String field) {
        return fairs.participant(participantId)
                .filter(p -> p.fairId() == fairId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("参会企业")))
                .filter(Participant::approved)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "not-approved",
                        "只能匹配本场对接会已通过审核的企业", List.of(new FieldProblem(field, "只能匹配本场对接会已通过审核的企业")))));
    }
}
