package io.livehall.fair.listing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.files.FileStorage;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.IndustryTaxonomy.Industry;
import io.livehall.fair.listing.ListingRepository.Row;
import io.livehall.fair.listing.ListingViews.IndustryNode;
import io.livehall.fair.listing.ListingViews.Listing;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads of listings: my enterprise's (any status), a fair's (its organisers, admins and its approved participants:
 * listings of approved participants, active and valid), the category picker's tree, and attachment downloads for the
 * people who may see the listing (documents are otherwise readable only by their uploader and organisers).
 */
@Component
class ListingQueries {

    private final ListingRepository listings;
    private final Fairs fairs;
    private final IndustryTaxonomy taxonomy;
    private final FileStorage files;
    private final Clock clock;

    ListingQueries(ListingRepository listings, Fairs fairs, IndustryTaxonomy taxonomy, FileStorage files, Clock clock) {
        this.listings = listings;
        this.fairs = fairs;
        this.taxonomy = taxonomy;
        this.files = files;
        this.clock = clock;
    }

    /** The enterprise the user belongs to; 403 when they belong to none. */
    Mono<Long> enterpriseOf(long userId) {
        return listings.enterpriseOf(userId).switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN,
                "enterprise-required", "请先以企业身份注册或加入企业，再发布供需信息")));
    }

    /** A listing of the user's enterprise; 404 when it is another's (as if it did not exist). */
    Mono<Row> own(long userId, long id) {
        return enterpriseOf(userId).flatMap(enterprise -> listings.find(id).filter(l -> l.enterpriseId() == enterprise))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("供需信息")));
    }

    Mono<Listing> mine(long userId, long id) {
        return own(userId, id).flatMap(this::view);
    }

    Mono<Page<Listing>> mine(long userId, String after, Integer limit) {
        PageRequest page = PageRequest.of(after, limit);
        return enterpriseOf(userId)
                .flatMap(e -> listings.ofEnterprise(e, page.afterId(), page.limit()).collectList())
                .flatMap(rows -> views(rows).map(items -> Page.of(items, page.limit(), l -> Long.toString(l.id()))));
    }

    /** A fair's listings, for its organisers (and admins) or its approved participants; others 403/404. */
    Mono<Page<Listing>> ofFair(FairStaff who, long fairId, ListingFilter filter, Integer limit) {
        int size = PageRequest.of(null, limit).limit();
        return allowed(who, fairId)
                .then(Mono.defer(() -> listings.ofFair(fairId, filter, clock.instant(), size).collectList()))
                .flatMap(this::views)
                .map(items -> Page.of(items, size, l -> Long.toString(l.id())));
    }

    /** An attachment of a listing shown at the fair (the caller may see the fair's listings), as a download. */
    Mono<ResponseEntity<byte[]>> fairFile(FairStaff who, long fairId, long listingId, long fileId) {
        return allowed(who, fairId)
                .then(Mono.defer(() -> listings.shownAt(fairId, listingId, clock.instant())))
                .filter(shown -> shown)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("供需信息")))
                .flatMap(l -> download(listingId, fileId));
    }

    /** An attachment of my enterprise's listing. */
    Mono<ResponseEntity<byte[]>> ownFile(long userId, long listingId, long fileId) {
        return own(userId, listingId).flatMap(l -> download(listingId, fileId));
    }

    /** Sections → divisions → groups, for the category picker; a section itself cannot be chosen. */
    List<IndustryNode> industries() {
        List<IndustryNode> sections = new ArrayList<>();
        for (Industry section : taxonomy.all()) {
            if (section.parent().isEmpty()) {
                sections.add(node(section));
            }
        }
        return sections;
    }

    private IndustryNode node(Industry industry) {
        List<IndustryNode> children = taxonomy.all().stream().filter(i -> i.parent().equals(industry.code()))
                .map(this::node).toList();
        return new IndustryNode(industry.code(), industry.name(), taxonomy.usable(industry.code()), children);
    }

    private Mono<Void> allowed(FairStaff who, long fairId) {
        return fairs.visibleTo(fairId, who)
                .flatMap(fair -> fairs.runs(who, fairId))
                .flatMap(runs -> runs ? Mono.<Void>empty() : fairs.approvedParticipantOf(fairId, who.userId()).then());
    }

    private Mono<ResponseEntity<byte[]>> download(long listingId, long fileId) {
        return listings.attached(listingId, fileId)
                .flatMap(yes -> yes ? files.describe(fileId) : Mono.empty())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("附件")))
                .flatMap(file -> files.content(fileId).map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(file.contentType()))
                        .cacheControl(CacheControl.noStore())
                        .headers(h -> h.setContentDisposition(ContentDisposition.attachment()
                                .filename(file.originalName(), StandardCharsets.UTF_8).build()))
                        .body(bytes)));
    }

    Mono<Listing> view(Row row) {
        return views(List.of(row)).map(list -> list.get(0));
    }

    private Mono<List<Listing>> views(List<Row> rows) {
        Instant now = clock.instant();
        return listings.attachments(rows.stream().map(Row::id).toList())
                .map(attachments -> rows.stream().map(r -> view(r, attachments, now)).toList());
    }

    private Listing view(Row r, Map<Long, List<ListingViews.Attachment>> attachments, Instant now) {
        String categoryName = taxonomy.find(r.category()).map(Industry::name).orElse(r.category());
        boolean active = r.status().equals("ACTIVE") && r.validUntil().isAfter(now);
        return new Listing(r.id(), r.enterpriseId(), r.enterpriseName(), r.side(), r.title(), r.description(),
                r.category(), categoryName, r.keywords(), r.region(), r.quantity(), r.amountMinFen(), r.amountMaxFen(),
                r.validUntil(), r.status(), active, r.createdAt(), r.updatedAt(),
                attachments.getOrDefault(r.id(), List.of()));
    }
}
