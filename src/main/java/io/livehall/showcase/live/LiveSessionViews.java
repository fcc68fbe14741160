package io.livehall.showcase.live;

import io.livehall.common.stream.StreamKind;
import java.time.Instant;
import java.util.List;

/** What the live-session endpoints answer (docs/api.md "Showcase — live sessions"). */
final class LiveSessionViews {

    private LiveSessionViews() {
    }

    record SessionMerchant(long id, String name) {
    }

    /** A session in the public schedule or the merchant's list. */
    record Card(long id, String title, Long coverFileId, Instant startsAt, LiveStatus status, Instant startedAt,
                Instant endedAt, SessionMerchant merchant, int productCount, long reminderCount, boolean reminded) {
    }

    /** A lineup product with the catalogue's current name, price (fen), first image and whether it is on sale. */
    record LineupItem(long productId, String name, long priceFen, Long coverFileId, boolean onSale) {
    }

    /** Watching now, peak, unique viewers and watch time: live from presence, or as persisted at the end. */
    record Figures(long now, long peak, long unique, long watchSeconds) {
    }

    /** One session with everything a live room or the console needs, late joiners included. */
    record Detail(long id, String title, Long coverFileId, Instant startsAt, String streamUrl, StreamKind streamKind,
                  LiveStatus status, Instant startedAt, Instant endedAt, SessionMerchant merchant,
                  List<LineupItem> lineup, PinnedProduct pinned, Figures viewers, long reminderCount, boolean reminded) {
    }

    /** A viewer's reminder for a session, after a toggle. */
    record Reminder(long sessionId, boolean reminded, long reminderCount) {
    }
}
