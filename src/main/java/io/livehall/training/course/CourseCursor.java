package io.livehall.training.course;

import java.time.Instant;

import io.livehall.common.error.ApiProblem;

/**
 * The opaque {@code ?after=} of the course lists: {@code <id>} for newest first, {@code <learners>_<id>} for most
 * learners first, {@code <last activity>_<course id>} for "my learning". A cursor that does not parse is a 400.
 */
record CourseCursor(long key, long id, Instant at) {

    static CourseCursor parse(String after, CourseSort sort) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            if (sort == CourseSort.NEWEST) {
                return new CourseCursor(0, Long.parseLong(after), null);
            }
            int cut = after.indexOf('_');
            return new CourseCursor(Long.parseLong(after.substring(0, cut)), Long.parseLong(after.substring(cut + 1)), null);
        } catch (RuntimeException e) {
            throw bad();
        }
    }

    static CourseCursor parseActivity(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            int cut = after.indexOf('_');
            return new CourseCursor(0, Long.parseLong(after.substring(cut + 1)), Instant.parse(after.substring(0, cut)));
        } catch (RuntimeException e) { // NumberFormatException, DateTimeParseException, StringIndexOutOfBounds
            throw bad();
        }
    }

    static String of(CourseSort sort, int learners, long id) {
        return sort == CourseSort.NEWEST ? String.valueOf(id) : learners + "_" + id;
    }

    static String ofActivity(Instant at, long courseId) {
        return at + "_" + courseId;
    }

    private static ApiProblem bad() {
        return ApiProblem.badRequest("bad-cursor", "分页游标无效");
    }
}
