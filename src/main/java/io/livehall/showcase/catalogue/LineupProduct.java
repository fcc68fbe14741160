package io.livehall.showcase.catalogue;

/**
 * A product as a live room shows it: name, price in fen, status and its first image (a file id, or null
 * when it has none).
 */
public record LineupProduct(long id, long merchantId, String name, long priceFen, String status, Long coverFileId) {

    public boolean onSale() {
        return "ON_SALE".equals(status);
    }
}
