package io.livehall.fair.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.events.AfterCommit;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.fair.FairActivity;
import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.listing.ListingViews.Listing;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An enterprise's members create, edit and withdraw its listings (another enterprise's answers 404). A withdrawn
 * listing stays withdrawn (edits answer 409). After each committed change matching and the KPIs hear of it through
 * {@link FairActivity} ({@code fairId} 0: a listing belongs to no one fair).
 */
@Service
class ListingService {

    /** How far ahead a listing may be valid. */
    static final Duration MAX_VALIDITY = Duration.ofDays(366);

    private final ListingRepository listings;
    private final ListingQueries queries;
    private final IndustryTaxonomy taxonomy;
    private final FileStorage files;
    private final FairActivity activity;
    private final AfterCommit afterCommit;
    private final TransactionalOperator tx;
    private final Clock clock;

    ListingService(ListingRepository listings, ListingQueries queries, IndustryTaxonomy taxonomy, FileStorage files,
                   FairActivity activity, AfterCommit afterCommit, TransactionalOperator tx, Clock clock) {
        this.listings = listings;
        this.queries = queries;
        this.taxonomy = taxonomy;
        this.files = files;
        this.activity = activity;
        this.afterCommit = afterCommit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Listing> create(long userId, ListingRequest r) {
        return queries.enterpriseOf(userId)
                .flatMap(enterprise -> check(userId, null, r)
                        .then(Mono.defer(() -> tx.transactional(listings.insert(enterprise, userId, r)
                                .flatMap(id -> listings.replaceFiles(id, r.files()).then(told(id)).thenReturn(id))))))
                .flatMap(listings::find).flatMap(queries::view);
    }

    Mono<Listing> edit(long userId, long id, ListingRequest r) {
        return queries.own(userId, id)
                .flatMap(l -> l.status().equals("ACTIVE") ? Mono.just(l) : withdrawn())
                .flatMap(l -> check(userId, id, r).then(Mono.defer(() -> tx.transactional(
                        listings.update(id, l.enterpriseId(), r, clock.instant())
                                .flatMap(rows -> rows == 1 ? listings.replaceFiles(id, r.files()).then(told(id))
                                        : withdrawn().then())))))
                .then(Mono.defer(() -> listings.find(id))).flatMap(queries::view);
    }

    Mono<Listing> withdraw(long userId, long id) {
        return queries.own(userId, id)
                .flatMap(l -> tx.transactional(listings.withdraw(id, l.enterpriseId(), clock.instant())
                        .flatMap(rows -> rows == 1 ? told(id) : withdrawn().then())))
                .then(Mono.defer(() -> listings.find(id))).flatMap(queries::view);
    }

    private Mono<Void> told(long id) {
        return afterCommit.run("fair-listing", () -> Mono.fromRunnable(() -> activity.changed(0, FairActivity.What.LISTING, id)));
    }

    private static <T> Mono<T> withdrawn() {
        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "listing-withdrawn", "该供需信息已撤回，不能再修改"));
    }

    /**
     * What Bean Validation cannot tell: a usable category, min ≤ max, validity in the future and within a year,
     * attachments that are images or documents the caller uploaded (or already attached to this listing), each once.
     * All problems together as one 400.
     */
    private Mono<Void> check(long userId, Long listingId, ListingRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!taxonomy.usable(r.category().strip())) {
            problems.add(new FieldProblem("category", "行业分类无效，请选择大类或中类"));
        }
        if (r.amountMinFen() != null && r.amountMaxFen() != null && r.amountMinFen() > r.amountMaxFen()) {
            problems.add(new FieldProblem("amountMaxFen", "最高金额不能低于最低金额"));
        }
        Instant now = clock.instant();
        if (!r.validUntil().isAfter(now)) {
            problems.add(new FieldProblem("validUntil", "有效期需晚于现在"));
        } else if (r.validUntil().isAfter(now.plus(MAX_VALIDITY))) {
            problems.add(new FieldProblem("validUntil", "有效期最长一年"));
        }
        List<Long> ids = r.files();
        Set<Long> seen = new HashSet<>();
        return Flux.range(0, ids.size()).concatMap(i -> {
                    long fileId = ids.get(i);
                    String field = "fileIds[" + i + "]";
                    if (!seen.add(fileId)) {
                        return Mono.just(new FieldProblem(field, "附件重复"));
                    }
                    Mono<Boolean> attached = listingId == null ? Mono.just(false) : listings.attached(listingId, fileId);
                    return files.describe(fileId)
                            .filter(f -> f.purpose() == FilePurpose.IMAGE || f.purpose() == FilePurpose.DOCUMENT)
                            .filterWhen(f -> f.ownerId() == userId ? Mono.just(true) : attached)
                            .hasElement()
                            .flatMap(ok -> ok ? Mono.<FieldProblem>empty()
                                    : Mono.just(new FieldProblem(field, "附件需为您已上传的图片或文件")));
                })
                .collectList()
                .flatMap(fileProblems -> {
                    problems.addAll(fileProblems);
                    return problems.isEmpty() ? Mono.<Void>empty()
                            : Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems));
                });
    }
}
