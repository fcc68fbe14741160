package io.livehall.showcase.live;

import io.livehall.common.stream.StreamKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.realtime.presence.Presence;
import io.livehall.showcase.ShowcaseDestinations;
import io.livehall.showcase.catalogue.LineupProduct;
import io.livehall.showcase.catalogue.ProductCatalogue;
import io.livehall.showcase.live.LiveSessionViews.Card;
import io.livehall.showcase.live.LiveSessionViews.Detail;
import io.livehall.showcase.live.LiveSessionViews.Figures;
import io.livehall.showcase.live.LiveSessionViews.LineupItem;
import io.livehall.showcase.live.LiveSessionViews.SessionMerchant;
import io.livehall.showcase.merchant.MerchantAccess;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading sessions: the public schedule, a merchant's list, and one session with lineup, pinned product and audience. */
@Service
class LiveSessionQueries {

    private static final Figures NO_FIGURES = new Figures(0, 0, 0, 0);

    private final LiveSessionRepository sessions;
    private final ProductCatalogue catalogue;
    private final MerchantAccess merchants;
    private final Presence presence;

    LiveSessionQueries(LiveSessionRepository sessions, ProductCatalogue catalogue, MerchantAccess merchants,
                       Presence presence) {
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.merchants = merchants;
        this.presence = presence;
    }

    Mono<Page<Card>> schedule(String after, Integer limit, Long userId) {
        int size = PageRequest.of(null, limit).limit();
        return sessions.schedule(ScheduleCursor.parse(after), size, userId).collectList()
                .flatMap(rows -> cards(Page.of(rows, size, row -> ScheduleCursor.of(row.session()))));
    }

    Mono<Page<Card>> ofMerchant(long merchantId, PageRequest page) {
        return sessions.ofMerchant(merchantId, page).collectList()
                .flatMap(rows -> cards(Page.of(rows, page.limit(), row -> String.valueOf(row.session().id()))));
    }

    /** The session with everything a room needs; 404 if there is none. */
    Mono<Detail> detail(long id, Long userId) {
        return sessions.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .flatMap(s -> detail(s, userId));
    }

    Mono<Detail> detail(LiveSession s, Long userId) {
        Mono<List<LineupProduct>> lineup = sessions.lineup(s.id()).collectList()
                .flatMap(ids -> catalogue.cards(ids).collectMap(LineupProduct::id)
                        .map(byId -> ids.stream().map(byId::get).filter(Objects::nonNull).toList()));
        Mono<Map<Long, String>> names = merchants.displayNames(List.of(s.merchantId()));
        Mono<Long> reminders = sessions.reminderCount(s.id());
        Mono<Boolean> reminded = userId == null ? Mono.just(false) : sessions.reminded(s.id(), userId);
        return Mono.zip(lineup, names, figures(s), reminders, reminded).map(t -> {
            List<LineupProduct> cards = t.getT1();
            PinnedProduct pinned = s.pinnedProductId() == null ? null : cards.stream()
                    .filter(c -> c.id() == s.pinnedProductId()).findFirst()
                    .map(c -> PinnedProducts.of(s.id(), c)).orElse(null);
            return new Detail(s.id(), s.title(), s.coverFileId(), s.startsAt(), s.streamUrl(), StreamKind.of(s.streamUrl()),
                    s.status(), s.startedAt(), s.endedAt(), merchant(s.merchantId(), t.getT2()),
                    cards.stream().map(c -> new LineupItem(c.id(), c.name(), c.priceFen(), c.coverFileId(), c.onSale())).toList(),
                    pinned, t.getT3(), t.getT4(), t.getT5());
        });
    }

    /** Ended sessions show what was persisted at the end; others the room's presence now (zeros if Redis is away). */
    private Mono<Figures> figures(LiveSession s) {
        if (s.status() == LiveStatus.ENDED) {
            return Mono.just(new Figures(0, s.peakViewers(), s.uniqueViewers(), s.watchSeconds()));
        }
        return presence.viewers(ShowcaseDestinations.ROOM_TYPE, String.valueOf(s.id()))
                .map(v -> new Figures(v.now(), v.peak(), v.unique(), v.watchSeconds()))
                .onErrorReturn(NO_FIGURES)
                .defaultIfEmpty(NO_FIGURES);
    }

    private Mono<Page<Card>> cards(Page<ScheduleRow> page) {
        List<Long> merchantIds = page.items().stream().map(r -> r.session().merchantId()).distinct().toList();
        return merchants.displayNames(merchantIds).map(names -> page.map(r -> {
            LiveSession s = r.session();
            return new Card(s.id(), s.title(), s.coverFileId(), s.startsAt(), s.status(), s.startedAt(), s.endedAt(),
                    merchant(s.merchantId(), names), r.productCount(), r.reminderCount(), r.reminded());
        }));
    }

    private static SessionMerchant merchant(long id, Map<Long, String> names) {
        return new SessionMerchant(id, names.getOrDefault(id, ""));
    }
}
