package io.livehall.showcase.catalogue;

import java.time.Instant;
import java.util.List;

import io.livehall.showcase.ProductCategory;

/**
 * A product page: what the public sees at {@code GET /api/products/{id}} and what its merchant edits.
 * Images are in display order, each with its download URL.
 */
record ProductView(long id, long merchantId, String merchantName, String name, ProductCategory category,
                   String region, String description, long priceFen, int stock, List<SalesChannel> channels,
                   ProductStatus status, List<Image> images, int version, Instant createdAt, Instant updatedAt) {

    record Image(long fileId, String url) {
    }

    static Image image(long fileId) {
        return new Image(fileId, "/api/files/" + fileId);
    }
}
