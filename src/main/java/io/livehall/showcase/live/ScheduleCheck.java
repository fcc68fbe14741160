package io.livehall.showcase.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.showcase.catalogue.LineupProduct;
import io.livehall.showcase.catalogue.ProductCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The rules of a schedule request that need data: the cover is an uploaded image, the start is at most
 * {@link #HORIZON} ahead, and every lineup product is the merchant's own, on sale, and listed once.
 * All failures come back together as one 400 with field errors.
 */
@Component
class ScheduleCheck {

    static final Duration HORIZON = Duration.ofDays(180);

    private final FileStorage files;
    private final ProductCatalogue catalogue;

    private final Clock clock;

    ScheduleCheck(FileStorage files, ProductCatalogue catalogue, Clock clock) {
        this.clock = clock;
        this.files = files;
        this.catalogue = catalogue;
    }

    Mono<Void> check(ScheduleRequest r, long merchantId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.startsAt().isAfter(clock.instant().plus(HORIZON))) {
            problems.add(new FieldProblem("startsAt", "开播时间需在 180 天以内"));
        }
        Set<Long> ids = new LinkedHashSet<>(r.productIds());
        Mono<Boolean> coverOk = r.coverFileId() == null ? Mono.just(true)
                : files.describe(r.coverFileId()).map(f -> f.purpose() == FilePurpose.IMAGE).defaultIfEmpty(false);
        Mono<Map<Long, LineupProduct>> products = catalogue.cards(ids).collectMap(LineupProduct::id);
        return Mono.zip(coverOk, products).flatMap(t -> {
            if (!t.getT1()) {
                problems.add(new FieldProblem("coverFileId", "封面需为已上传的图片"));
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < r.productIds().size(); i++) {
                Long id = r.productIds().get(i);
                LineupProduct p = t.getT2().get(id);
                String field = "productIds[" + i + "]";
                if (!seen.add(id)) {
                    problems.add(new FieldProblem(field, "商品重复"));
                } else if (p == null || p.merchantId() != merchantId) {
                    problems.add(new FieldProblem(field, "商品不存在或不属于本店"));
                } else if (!p.onSale()) {
                    problems.add(new FieldProblem(field, "「" + p.name() + "」未上架，不能加入直播"));
                }
            }
            return problems.isEmpty() ? Mono.<Void>empty()
                    : Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems));
        });
    }
}
