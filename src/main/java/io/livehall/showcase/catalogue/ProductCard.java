package io.livehall.showcase.catalogue;

import java.util.List;

import io.livehall.showcase.ProductCategory;

/**
 * A product in the public list. It carries no stock count, only {@code soldOut}, so an order changes a
 * list only when it sells the last piece (see CatalogueCache).
 */
record ProductCard(long id, String name, ProductCategory category, String region, long priceFen, boolean soldOut,
                   List<SalesChannel> channels, long merchantId, String merchantName, String coverUrl) {
}
