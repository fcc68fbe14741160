package io.livehall.showcase.live;

/**
 * The product being explained now, as {@code /topic/live/{id}/pinned} carries it (the topic carries
 * {@code null} when nothing is pinned) and the session GET includes it.
 */
record PinnedProduct(long sessionId, long productId, String name, long priceFen, Long coverFileId) {
}
