package io.livehall.showcase.catalogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.catalogue.*}: how long cached pages stay in Redis (changes evict them at once; the TTL only bounds
 * memory).
 *
 * @param productTtl a product page
 * @param listTtl    a list page (any filter combination, so kept short)
 * @param pinyinBackfillPeriod how often products without search pinyin (rows written by SQL, e.g. the demo seed or
 *                   rows older than V17) get it computed
 */
@ConfigurationProperties("livehall.catalogue")
record CatalogueSettings(@DefaultValue("10m") Duration productTtl, @DefaultValue("2m") Duration listTtl,
                         @DefaultValue("5s") Duration pinyinBackfillPeriod) {
}
