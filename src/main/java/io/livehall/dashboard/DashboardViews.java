package io.livehall.dashboard;

import java.time.Instant;
import java.util.List;

/** What the dashboard answers (docs/api.md, "Dashboard"); money in fen, times UTC. */
final class DashboardViews {

    private DashboardViews() {
    }

    record ScopeView(String scope, String kind, String title, boolean live) {
    }

    record Totals(long viewersNow, long peakViewers, long uniqueViewers, long ordersPerMinute, long ordersToday,
                  long gmvTodayFen, long dealsSoldOut, long registrations, long checkIns, long meetingsBooked,
                  long meetingsHeld, long intentions, long signedDeals, long signedAmountFen) {
    }

    record RoomView(String kind, long id, String title, long viewersNow, long peakViewers, long uniqueViewers,
                    boolean live) {
    }

    /** A city: viewers of its live rooms now, orders and GMV today (the showcase); approved enterprises (fairs). */
    record RegionView(String region, long viewers, long orders, long gmvFenToday, long enterprises) {
    }

    record ProductView(long productId, String name, String merchant, long orders, long gmvFen) {
    }

    record SessionView(String kind, long id, String title, long peakViewers, long uniqueViewers) {
    }

    record MinuteView(Instant at, long viewers, long orders, long gmvFen) {
    }

    record Snapshot(String scope, String title, Instant at, Totals totals, List<RoomView> rooms,
                    List<RegionView> regions, List<ProductView> topProducts, List<SessionView> topSessions,
                    List<MinuteView> minutes) {
    }

    record HistoryRow(Instant at, long viewersPeak, long uniqueViewers, long orders, long gmvFen, long registrations,
                      long checkIns, long meetingsBooked, long meetingsHeld, long intentions, long signedDeals,
                      long signedAmountFen) {
    }

    record History(String scope, String by, List<HistoryRow> rows) {
    }

    record Report(String scope, String title, Instant from, Instant to, long peakViewers, Instant peakAt,
                  long uniqueViewers, long watchSeconds, long orders, long buyers, long gmvFen, Double conversion,
                  long registrations, long checkIns, long meetingsBooked, long meetingsHeld, long noShows,
                  long intentions, long signedDeals, long signedAmountFen, List<ProductView> topProducts,
                  List<SessionView> topSessions) {
    }
}
