package io.livehall.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.livehall.common.tally.Tally;

/**
 * The events a scope covers: the showcase or not, and the training series and fairs; {@code everything}: every series
 * and fair there is (the platform, an admin's {@code mine}), whose counters are the platform's own; {@code merchant}: one
 * showcase merchant's part alone (0: none), its live rooms, orders and counters ({@code merchant-<id>}).
 */
record Members(boolean showcase, boolean everything, List<Long> series, List<Long> fairs, long merchant) {

    static final Members SHOWCASE = new Members(true, false, List.of(), List.of());
    static final Members EVERYTHING = new Members(true, true, List.of(), List.of());

    Members(boolean showcase, boolean everything, List<Long> series, List<Long> fairs) {
        this(showcase, everything, series, fairs, 0);
    }

    /** One showcase merchant's part. */
    static Members merchant(long merchantId) {
        return new Members(false, false, List.of(), List.of(), merchantId);
    }

    /** Whether it sells: the showcase's or one merchant's orders count in it. */
    boolean sells() {
        return showcase || merchant > 0;
    }

    /** The merchant whose rooms and orders it covers: 0 for every merchant of the showcase. */
    long merchantOnly() {
        return showcase ? 0 : merchant;
    }

    /** The tally scopes whose counters add up to this scope's. */
    List<String> tallyScopes() {
        if (everything) {
            return List.of(Tally.PLATFORM);
        }
        List<String> scopes = new ArrayList<>();
        if (showcase) {
            scopes.add(Tally.SHOWCASE);
        } else if (merchant > 0) {
            scopes.add(Tally.merchant(merchant));
        }
        series.forEach(id -> scopes.add(Tally.training(id)));
        fairs.forEach(id -> scopes.add(Tally.fair(id)));
        return scopes;
    }
}
