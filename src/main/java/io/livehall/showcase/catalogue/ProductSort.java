package io.livehall.showcase.catalogue;

import java.util.Arrays;
import java.util.Locale;

/**
 * The public list's orders ({@code ?sort=}), each keyset-paged by (key, id) so a page never repeats or skips a row
 * that did not change meanwhile:
 * <ul>
 * <li>{@code newest} (default): newest first, by id; cursor {@code <id>};</li>
 * <li>{@code price_asc} / {@code price_desc}: by price, ties by id in the same direction; cursor {@code <price>_<id>};</li>
 * <li>{@code sales}: units sold, most first, ties newest first; units sold = the quantities of the product's orders
 *     that were paid (PAID, SHIPPED, COMPLETED; not unpaid, not cancelled); cursor {@code <units>_<id>}. A sale between
 *     two page requests can move a product across the page boundary (as in every live ranking).</li>
 * </ul>
 */
enum ProductSort {
    NEWEST, PRICE_ASC, PRICE_DESC, SALES;

    /** The name in the API: lower case. */
    String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sort named {@code value} (its {@link #param()}), empty for an unknown name. */
    static java.util.Optional<ProductSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.param().equals(value)).findFirst();
    }

    /** Whether the cursor carries a sort key besides the id. */
    boolean keyed() {
        return this != NEWEST;
    }
}
