package io.livehall.fair.matching;

import java.time.Instant;
import java.util.List;

/** What the matching endpoints answer. */
final class MatchViews {

    private MatchViews() {
    }

    /** One of my listings, to filter by. */
    record MyListing(long id, String title, String side) {
    }

    /** The other side of a match: its listing and enterprise. */
    record Counterpart(long listingId, String title, String side, String category, String categoryName, String region,
                       long participantId, String enterpriseName) {
    }

    /**
     * A ranked match of one of my listings, with the parts of its score (each with its text; joined by " · " they
     * read as the sentence people see, e.g. "同属汽车零部件 · 关键词：铝合金、压铸 · 同在合肥").
     */
    record Match(long listingId, String listingTitle, Counterpart counterpart, int score, List<MatchScore.Part> parts) {
    }

    /** A match the organisers made by hand. */
    record Recommended(long participantId, String enterpriseName, String role, String note, Instant createdAt) {
    }

    /** {@code next}: the cursor of the next page of matches ({@code ?after=}), null on the last. */
    record MyMatches(List<MyListing> listings, List<Match> matches, List<Recommended> recommended, String next) {
    }

    /** A participant as organisers see it in the lists. */
    record Party(long participantId, String enterpriseName, String role, String region, String industry) {
    }

    /** A matched pair: automatic (with its best listing score) or by hand (with the note). */
    record Pair(long id, Party a, Party b, boolean manual, String note, Integer bestScore, Instant createdAt) {
    }

    record Run(Instant startedAt, Instant finishedAt, int listings, long matches, Long millis) {
    }

    record Summary(long approved, long pairs, long manualPairs, long unmatched, long listingMatches, Run lastRun) {
    }

    record Queued(boolean queued) {
    }
}
