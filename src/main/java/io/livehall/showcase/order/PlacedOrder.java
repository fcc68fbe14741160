package io.livehall.showcase.order;

/** The answer to placing an order: the order, and whether this request created it (false: a repeated key). */
public record PlacedOrder(Order order, boolean created) {

    /** The answer to a repeated key: its first order, if the repeat asks for the same thing (else 422). */
    static PlacedOrder repeatOf(Order.Row row, String hash) {
        if (!row.requestHash().equals(hash)) {
            throw OrderProblems.keyReused();
        }
        return new PlacedOrder(row.order(), false);
    }
}
