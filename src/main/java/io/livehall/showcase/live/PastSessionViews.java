package io.livehall.showcase.live;

import java.time.Instant;
import java.util.List;

import io.livehall.showcase.catalogue.LineupProduct;
import io.livehall.showcase.live.LiveSessionViews.SessionMerchant;

/** What the "after the live" endpoints answer (docs/api.md "Showcase — after the live"). */
final class PastSessionViews {

    private PastSessionViews() {
    }

    /**
     * What an ended session kept and everyone may see: peak and unique viewers, watch time, likes and orders at its end.
     * Its GMV is stored too ({@code live_session.gmv_fen}) but is the merchant's business, not the public's.
     */
    record PastFigures(long peak, long unique, long watchSeconds, long likes, long orders) {
    }

    /** An ended session in 往期直播. {@code replayUrl} is null until the merchant publishes one. */
    record PastCard(long id, String title, Long coverFileId, Instant startedAt, Instant endedAt, SessionMerchant merchant,
                    int productCount, PastFigures figures, String replayUrl) {
    }

    /** The merchant's next session: live now, or the next one scheduled. */
    record NextSession(long id, String title, Long coverFileId, Instant startsAt, LiveStatus status) {
    }

    /** What an ended room offers: its replay, the merchant's next session (or null) and some of its products. */
    record AfterLive(long sessionId, String replayUrl, NextSession next, List<LineupProduct> products) {
    }

    /** A session's replay link after a merchant's change (null: none). */
    record Replay(long sessionId, String replayUrl) {
    }
}
