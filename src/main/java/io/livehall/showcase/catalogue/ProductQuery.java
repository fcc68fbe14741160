package io.livehall.showcase.catalogue;

import java.util.ArrayList;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.PageRequest;
import io.livehall.common.text.TextRules;
import io.livehall.showcase.ProductCategory;
import org.springframework.http.HttpStatus;

/**
 * The public list's filters, checked and normalised: {@code q} stripped (null when blank), prices in fen.
 * {@link #cacheKey()} is the same for every request that must give the same page.
 */
record ProductQuery(ProductCategory category, String region, SalesChannel channel, Long merchantId, Long minPrice,
                    Long maxPrice, String q, PageRequest page) {

    static final int MAX_QUERY_LENGTH = 50;

    static ProductQuery of(ProductCategory category, String region, SalesChannel channel, Long merchantId,
                           Long minPrice, Long maxPrice, String q, String after, Integer limit) {
        List<FieldProblem> errors = new ArrayList<>();
        String regionValue = region == null || region.isBlank() ? null : region.strip();
        String regionText = TextRules.problem(regionValue, false);
        if (regionText != null) {
            errors.add(new FieldProblem("region", regionText));
        } else if (regionValue != null && !ShaanxiRegion.ALL.contains(regionValue)) {
            errors.add(new FieldProblem("region", "产地须为陕西省的地级市或杨凌示范区"));
        }
        if (minPrice != null && minPrice < 0) {
            errors.add(new FieldProblem("minPrice", "最低价不能为负数"));
        }
        if (maxPrice != null && maxPrice < 0) {
            errors.add(new FieldProblem("maxPrice", "最高价不能为负数"));
        }
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            errors.add(new FieldProblem("maxPrice", "最高价不能低于最低价"));
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        String queryText = TextRules.problem(text, false);
        if (queryText != null) {
            errors.add(new FieldProblem("q", queryText));
        } else if (text != null && text.codePointCount(0, text.length()) > MAX_QUERY_LENGTH) {
            errors.add(new FieldProblem("q", "搜索词不能超过 " + MAX_QUERY_LENGTH + " 个字"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", errors);
        }
        return new ProductQuery(category, regionValue, channel, merchantId, minPrice, maxPrice, text,
                PageRequest.of(after, limit));
    }

    /** Searching by one or two characters: answered from {@code search_grams}, not the trigram index. */
    boolean shortQuery() {
        return q != null && q.codePointCount(0, q.length()) < 3;
    }

    /** Every filter in a fixed order; {@code q}, the only free text, last, so no value can fake another. */
    String cacheKey() {
        return "c=" + (category == null ? "" : category.name())
                + "&r=" + (region == null ? "" : region)
                + "&ch=" + (channel == null ? "" : channel.name())
                + "&m=" + (merchantId == null ? "" : merchantId)
                + "&min=" + (minPrice == null ? "" : minPrice)
                + "&max=" + (maxPrice == null ? "" : maxPrice)
                + "&a=" + (page.afterId() == null ? "" : page.afterId())
                + "&n=" + page.limit()
                + "&q=" + (q == null ? "" : q);
    }
}
