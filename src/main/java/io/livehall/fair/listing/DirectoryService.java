package io.livehall.fair.listing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.fair.Fair;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.listing.DirectoryViews.Directory;
import io.livehall.fair.listing.DirectoryViews.Entry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The quarterly 供需目录: an organiser publishes a frozen snapshot of a fair's listings (or of every published public
 * fair they run) valid in a quarter; anyone who may see the fair reads it (a directory of all fairs, or of a public
 * fair, is public), as pages, CSV or PDF. A directory never changes once published, so its PDF is drawn once and kept.
 */
@Service
class DirectoryService {

    static final int MAX_ENTRIES_PAGE = 500;
    /** how many drawn PDFs are kept (they never change; a directory of 10,000 listings is a few MB) */
    static final int PDF_CACHE = 8;

    private final DirectoryRepository directories;
    private final Fairs fairs;
    private final IndustryTaxonomy taxonomy;
    private final DirectoryPdf pdf;
    private final Clock clock;
    private final Map<Long, Mono<byte[]>> pdfs = new ConcurrentHashMap<>();

    DirectoryService(DirectoryRepository directories, Fairs fairs, IndustryTaxonomy taxonomy, DirectoryPdf pdf,
                     Clock clock) {
        this.directories = directories;
        this.fairs = fairs;
        this.taxonomy = taxonomy;
        this.pdf = pdf;
        this.clock = clock;
    }

    Mono<Directory> publish(FairStaff who, DirectoryRequest r) {
        Quarter period = new Quarter(r.year(), r.quarter());
        if (r.fairId() != null) {
            return fairs.runBy(who, r.fairId())
                    .flatMap(fair -> insert(who, r.fairId(), List.of(r.fairId()),
                            fair.title() + " 供需目录（" + period.label() + "）", period));
        }
        return fairs.idsRunBy(who).collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<Long>of()) : directories.publicPublished(ids).collectList())
                .flatMap(ids -> ids.isEmpty()
                        ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "no-fairs", "您还没有已发布的公开对接会，无法汇编供需目录"))
                        : insert(who, null, ids, "供需对接汇编目录（" + period.label() + "）", period));
    }

    private Mono<Directory> insert(FairStaff who, Long fairId, List<Long> fairIds, String title, Quarter period) {
        return directories.publish(who.userId(), fairId, fairIds, title, period, taxonomy.all(), clock.instant())
                .flatMap(directories::find);
    }

    /** A fair's directories (its organisers), or those the organiser published (no fair given). */
    Flux<Directory> list(FairStaff who, Long fairId) {
        if (fairId != null) {
            return fairs.runBy(who, fairId).thenMany(directories.ofFair(fairId));
        }
        return directories.publishedBy(who.userId());
    }

    /** A directory if the caller may read it ({@code who} null for a guest); 404 otherwise. */
    Mono<Directory> readable(long id, FairStaff who) {
        return directories.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("供需目录")))
                .flatMap(d -> d.fairId() == null ? Mono.just(d)
                        : fairs.visibleTo(d.fairId(), who).map(Fair::id).thenReturn(d)
                                .onErrorMap(ApiProblem.class, e -> ApiProblem.notFound("供需目录")));
    }

    Mono<Page<Entry>> entries(long id, FairStaff who, String after, Integer limit) {
        int afterPosition = after == null || after.isBlank() ? -1 : position(after);
        int size = limit == null ? 100 : Math.max(1, Math.min(MAX_ENTRIES_PAGE, limit));
        return readable(id, who).flatMap(d -> directories.entries(id, afterPosition, size + 1).collectList())
                .map(items -> Page.of(items, size, e -> Integer.toString(e.position())));
    }

    /** Every entry in order, read a page at a time (the CSV). */
    Flux<Entry> all(long id) {
        return directories.entries(id, -1, MAX_ENTRIES_PAGE).collectList()
                .expand(page -> page.size() < MAX_ENTRIES_PAGE ? Mono.empty()
                        : directories.entries(id, page.get(page.size() - 1).position(), MAX_ENTRIES_PAGE).collectList())
                .concatMapIterable(page -> page);
    }

    /** The directory drawn as a PDF (off the event loop; kept, as it never changes). */
    Mono<byte[]> pdf(Directory d) {
        if (pdfs.size() >= PDF_CACHE) {
            pdfs.clear();
        }
        return pdfs.computeIfAbsent(d.id(), id -> all(id).collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(entries -> pdf.draw(d, entries))
                .cache(bytes -> Duration.ofHours(1), e -> Duration.ZERO, () -> Duration.ZERO));
    }

    private static int position(String after) {
        try {
            return Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
        }
    }
}
