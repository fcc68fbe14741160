package io.livehall.showcase.live;

import java.time.Instant;

/** A row of {@code live_session}. The audience figures are those persisted at the end (0 before). */
record LiveSession(long id, long merchantId, String title, Long coverFileId, Instant startsAt, String streamUrl,
                   LiveStatus status, Instant startedAt, Instant endedAt, Long pinnedProductId,
                   long peakViewers, long uniqueViewers, long watchSeconds) {
}
