package io.livehall.training.course;

/**
 * One request for a course list: the public library ({@code organiserOnly} false: published courses only) or an
 * organiser's own ({@code organiserId}; null with {@code organiserOnly} for an admin, who sees all).
 */
record CourseListQuery(boolean organiserOnly, Long organiserId, Long topicId, String text, CourseSort sort,
                       CourseCursor after) {
}
