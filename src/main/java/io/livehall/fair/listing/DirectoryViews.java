package io.livehall.fair.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.livehall.fair.ListingSide;

/** What the directory endpoints answer. */
final class DirectoryViews {

    private DirectoryViews() {
    }

    /** A published directory; {@code fairId} null: every public fair its publisher ran. Period [start, end). */
    record Directory(long id, Long fairId, String title, String periodLabel, LocalDate periodStart, LocalDate periodEnd,
                     int entryCount, Instant publishedAt) {
    }

    /** One listing as it was when the directory was published; amounts in fen. */
    record Entry(int position, long listingId, String enterpriseName, ListingSide side, String title,
                 String description, String category, String categoryName, List<String> keywords, String region,
                 String quantity, Long amountMinFen, Long amountMaxFen, Instant validUntil) {
    }
}
