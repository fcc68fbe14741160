package io.livehall.showcase.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.livehall.common.error.ApiProblem;

/** 往期直播's keyset position (end time, id), opaque to clients: {@code <epoch microseconds>_<id>}. */
record PastCursor(Instant endedAt, long id) {

    static PastCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        int bar = cursor.indexOf('_');
        try {
            long micros = Long.parseLong(cursor.substring(0, bar));
            long id = Long.parseLong(cursor.substring(bar + 1));
            return new PastCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
        }
    }

    static String of(Instant endedAt, long id) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, endedAt) + "_" + id;
    }
}
