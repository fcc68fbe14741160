package io.livehall.showcase.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                    Long maxPrice, String q, ProductSort sort, Long afterKey, PageRequest page) {

    static final int MAX_QUERY_LENGTH = 50;
    private static final Pattern KEYED_CURSOR = Pattern.compile("(\\d{1,18})_(\\d{1,18})");

    static ProductQuery of(ProductCategory category, String region, SalesChannel channel, Long merchantId,
                           Long minPrice, Long maxPrice, String q, String after, Integer limit) {
        return of(category, region, channel, merchantId, minPrice, maxPrice, q, null, after, limit);
    }

    static ProductQuery of(ProductCategory category, String region, SalesChannel channel, Long merchantId,
                           Long minPrice, Long maxPrice, String q, String sort, String after, Integer limit) {
        List<FieldProblem> errors = new ArrayList<>();
        ProductSort order = ProductSort.NEWEST;
        if (sort != null && !sort.isBlank()) {
            order = ProductSort.parse(sort.strip()).orElse(null);
            if (order == null) {
                errors.add(new FieldProblem("sort", "排序方式须为 newest、price_asc、price_desc 或 sales"));
            }
        }
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
        Long afterKey = null;
        String afterId = after;
        if (order.keyed() && after != null && !after.isBlank()) {
            Matcher cursor = KEYED_CURSOR.matcher(after.strip());
            if (!cursor.matches()) {
                throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
            }
            afterKey = Long.parseLong(cursor.group(1));
            afterId = cursor.group(2);
        }
        return new ProductQuery(category, regionValue, channel, merchantId, minPrice, maxPrice, text, order, afterKey,
                PageRequest.of(afterId, limit));
    }

    /** The cursor after a row with this sort key and id ({@link ProductSort}). */
    String cursor(long key, long id) {
        return sort.keyed() ? key + "_" + id : Long.toString(id);
    }

    /** The query as pinyin, or null when it cannot be one ({@link ProductPinyin#query}). */
    String pinyin() {
        return ProductPinyin.query(q);
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
                + "&s=" + sort.param()
                + "&a=" + (afterKey == null ? "" : afterKey + "_") + (page.afterId() == null ? "" : page.afterId())
                + "&n=" + page.limit()
                + "&q=" + (q == null ? "" : q);
    }
}
