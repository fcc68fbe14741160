package io.livehall.fair.listing;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.text.TextRules;
import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.ListingSide;
import org.springframework.http.HttpStatus;

/**
 * The query of a fair's listings: {@code q} (title, description, keywords), a side, a category with everything under
 * it, a region (contained in the listing's), an amount range the listing's range overlaps (fen), and the keyset cursor.
 * Every bad parameter answers 400 naming it.
 */
record ListingFilter(String text, ListingSide side, String category, String region, Long amountMinFen,
                     Long amountMaxFen, Long afterId) {

    static final int MAX_QUERY = 50;

    static ListingFilter of(String q, String side, String category, String region, Long amountMin, Long amountMax,
                            String after, IndustryTaxonomy taxonomy) {
        String text = line("q", q, MAX_QUERY, "搜索词不能超过 " + MAX_QUERY + " 个字");
        ListingSide s = null;
        if (side != null && !side.isBlank()) {
            try {
                s = ListingSide.valueOf(side.strip());
            } catch (IllegalArgumentException e) {
                throw invalid("side", "只能是 SUPPLY 或 DEMAND");
            }
        }
        String c = line("category", category, 5, "行业分类无效");
        if (c != null && taxonomy.find(c).isEmpty()) {
            throw invalid("category", "行业分类无效");
        }
        String r = line("region", region, 60, "地区最多 60 字");
        if (amountMin != null && amountMin < 0) {
            throw invalid("amountMin", "金额不能为负数");
        }
        if (amountMax != null && amountMax < 0) {
            throw invalid("amountMax", "金额不能为负数");
        }
        if (amountMin != null && amountMax != null && amountMin > amountMax) {
            throw invalid("amountMax", "最高金额不能低于最低金额");
        }
        Long afterId = null;
        if (after != null && !after.isBlank()) {
            try {
                afterId = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
            }
        }
        return new ListingFilter(text, s, c, r, amountMin, amountMax, afterId);
    }

    private static String line(String field, String value, int max, String tooLong) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = TextRules.requireLine(field, value.strip());
        if (v.codePointCount(0, v.length()) > max) {
            throw invalid(field, tooLong);
        }
        return v;
    }

    static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", List.of(new FieldProblem(field, message)));
    }
}
