package io.livehall.showcase.catalogue;

/** A product as other features need it at the moment of selling (price in fen, stock now). */
public record ProductSnapshot(long id, long merchantId, String name, long priceFen, int stock, String status) {

    public boolean onSale() {
        return "ON_SALE".equals(status);
    }
}
