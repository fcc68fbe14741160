package io.livehall.fair.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A quarter of a year in China's time: [start, end) dates, named 2026年第四季度. */
record Quarter(int year, int quarter) {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] NAMES = {"一", "二", "三", "四"};

    LocalDate start() {
        return LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    }

    LocalDate end() {
        return start().plusMonths(3);
    }

    Instant startInstant() {
        return start().atStartOfDay(SHANGHAI).toInstant();
    }

    Instant endInstant() {
        return end().atStartOfDay(SHANGHAI).toInstant();
    }

    String label() {
        return year + "年第" + NAMES[quarter - 1] + "季度";
    }
}
