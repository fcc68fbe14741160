package io.livehall.showcase.catalogue;

import java.util.Set;

/** DRAFT → ON_SALE ⇄ OFF_SHELF. A product that was ever on sale never goes back to DRAFT and is never deleted. */
enum ProductStatus {
    DRAFT,
    ON_SALE,
    OFF_SHELF;

    /** The statuses a product may be published from. */
    static final Set<ProductStatus> PUBLISHABLE = Set.of(DRAFT, OFF_SHELF);

    /** Whether the public may see the product page (an off-shelf product keeps its page, without buying). */
    boolean publiclyVisible() {
        return this != DRAFT;
    }
}
