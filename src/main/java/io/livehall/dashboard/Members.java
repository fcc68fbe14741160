package io.livehall.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.livehall.common.tally.Tally;

/**
 * The events a scope covers: the showcase or not, and the training series and fairs; {@code everything}: every series
 * and fair there is (the platform, an admin's {@code mine}), whose counters are the platform's own.
 */
record Members(boolean showcase, boolean everything, List<Long> series, List<Long> fairs) {

    static final Members SHOWCASE = new Members(true, false, List.of(), List.of());
    static final Members EVERYTHING = new Members(true, true, List.of(), List.of());

    /** The tally scopes whose counters add up to this scope's. */
    List<String> tallyScopes() {
        if (everything) {
            return List.of(Tally.PLATFORM);
        }
        List<String> scopes = new ArrayList<>();
        if (showcase) {
            scopes.add(Tally.SHOWCASE);
        }
        series.forEach(id -> scopes.add(Tally.training(id)));
        fairs.forEach(id -> scopes.add(Tally.fair(id)));
        return scopes;
    }
}
