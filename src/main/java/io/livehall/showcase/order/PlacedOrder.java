package io.livehall.showcase.order;

/** The answer to placing an order: the order, and whether this request created it (false: a repeated key). */
public record PlacedOrder(Order order, boolean created) {
}
