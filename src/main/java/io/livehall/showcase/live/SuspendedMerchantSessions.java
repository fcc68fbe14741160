package io.livehall.showcase.live;

import io.livehall.showcase.merchant.MerchantStatusListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A suspended merchant goes off air at once: its live sessions end (rooms see "已结束", the pinned product goes). */
@Component
class SuspendedMerchantSessions implements MerchantStatusListener {

    private final LiveSessionService sessions;

    SuspendedMerchantSessions(LiveSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> suspended(long merchantId) {
        return sessions.endAllOf(merchantId);
    }
}
