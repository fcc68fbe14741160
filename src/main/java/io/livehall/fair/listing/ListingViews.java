package io.livehall.fair.listing;

import java.time.Instant;
import java.util.List;

import io.livehall.fair.ListingSide;

/** What the listing endpoints answer. */
final class ListingViews {

    private ListingViews() {
    }

    /** An attached file (an uploaded image or document), in the listing's order. */
    record Attachment(long fileId, String name, String contentType, long sizeBytes) {
    }

    /** A listing with its enterprise's name and category name; amounts in fen; {@code active}: ACTIVE and still valid. */
    record Listing(long id, long enterpriseId, String enterpriseName, ListingSide side, String title,
                   String description, String category, String categoryName, List<String> keywords, String region,
                   String quantity, Long amountMinFen, Long amountMaxFen, Instant validUntil, String status,
                   boolean active, Instant createdAt, Instant updatedAt, List<Attachment> attachments) {
    }

    /** A node of the category picker: a section with its divisions, a division with its groups. */
    record IndustryNode(String code, String name, boolean usable, List<IndustryNode> children) {
    }
}
