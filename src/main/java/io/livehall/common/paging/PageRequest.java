package io.livehall.common.paging;

import io.livehall.common.error.ApiProblem;

/** {@code ?after=&limit=} of a keyset-paged list, with the limit clamped to 1..100 (default 20). */
public record PageRequest(Long afterId, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String after, Integer limit) {
        Long afterId = null;
        if (after != null && !after.isBlank()) {
            try {
                afterId = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
            }
        }
        int size = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
        return new PageRequest(afterId, size);
    }
}
