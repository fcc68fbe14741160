package io.livehall.training.course;

import java.util.List;
import java.util.Locale;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import org.springframework.http.HttpStatus;

/** {@code ?sort=} of the library: newest first (default) or most learners first. */
enum CourseSort {
    NEWEST, LEARNERS;

    static CourseSort of(String sort) {
        if (sort == null || sort.isBlank()) {
            return NEWEST;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "newest" -> NEWEST;
            case "learners" -> LEARNERS;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                    List.of(new FieldProblem("sort", "排序只能是 newest（最新）或 learners（学习人数）")));
        };
    }
}
