package io.livehall.showcase.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.livehall.common.error.ApiProblem;

/** The schedule's keyset position (start time, id), opaque to clients: {@code <epoch microseconds>_<id>}. */
record ScheduleCursor(Instant startsAt, long id) {

    static ScheduleCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        int bar = cursor.indexOf('_');
        try {
            long micros = Long.parseLong(cursor.substring(0, bar));
            long id = Long.parseLong(cursor.substring(bar + 1));
            return new ScheduleCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
        }
    }

    static String of(LiveSession s) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, s.startsAt()) + "_" + s.id();
    }
}
