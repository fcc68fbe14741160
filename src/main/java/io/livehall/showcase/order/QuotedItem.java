package io.livehall.showcase.order;

/** What an accepted quote orders: the product, how many, at which unit price (fen), from which merchant. */
public record QuotedItem(long quoteId, long productId, long merchantId, int quantity, long unitPriceFen) {
}
