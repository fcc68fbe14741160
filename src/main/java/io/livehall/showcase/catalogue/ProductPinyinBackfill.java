package io.livehall.showcase.catalogue;

import java.time.Duration;

import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Computes the search pinyin of products that have none: rows older than V17 and rows written by SQL (the demo
 * seed). Products written through the app get it in the same statement. Every {@code pinyin-backfill-period}, in
 * batches of {@value #BATCH} (the partial index {@code product_pinyin_missing_idx} makes an idle run one index
 * probe); when it filled any, the cached list pages are evicted so pinyin searches see them. Every instance runs it;
 * the updates are idempotent and skip a product renamed meanwhile (its new name was indexed by the rename).
 */
@Component
class ProductPinyinBackfill extends PeriodicJob {

    static final int BATCH = 500;

    private final ProductRepository products;
    private final CatalogueEvictions evictions;
    private final Duration period;

    ProductPinyinBackfill(MeterRegistry meters, ProductRepository products, CatalogueEvictions evictions,
                          CatalogueSettings settings) {
        super(meters);
        this.products = products;
        this.evictions = evictions;
        this.period = settings.pinyinBackfillPeriod();
    }

    @Override
    protected Duration period() {
        return period;
    }

    @Override
    protected Mono<Long> runOnce() {
        return fillBatch()
                .expand(filled -> filled < BATCH ? Mono.empty() : fillBatch())
                .reduce(0L, Long::sum)
                .flatMap(total -> total == 0 ? Mono.just(0L) : evictions.listsChanged().thenReturn(total));
    }

    /** One batch; answers how many rows it looked at. */
    Mono<Long> fillBatch() {
        return products.withoutPinyin(BATCH)
                .concatMap(products::storePinyin)
                .count();
    }
}
