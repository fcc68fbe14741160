package io.livehall.training.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** infra/bench/courses/seed.sql with its psql variables filled in (the benchmark runs the same file with psql). */
final class CourseScaleSeed {

    static final String PASSWORD = "Scale-pass-123";

    private CourseScaleSeed() {
    }

    static String sql(String run, int courses, int lessons, int learners, String template) {
        try {
            return Files.readString(Path.of("infra/bench/courses/seed.sql"), StandardCharsets.UTF_8)
                    .replace(":'run'", "'" + run + "'")
                    .replace(":'template'", "'" + template + "'")
                    .replace(":courses", String.valueOf(courses))
                    .replace(":lessons", String.valueOf(lessons))
                    .replace(":learners", String.valueOf(learners));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
