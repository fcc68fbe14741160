-- Catalogue search by pinyin and initials, and the catalogue's sort orders (issue 12).

-- The product name's pinyin (东裕茶 250g → 'dongyucha250g') and initials ('dyc250g'), computed in Java
-- (ProductPinyin, pinyin4j) when a product is written; heteronyms give several space-separated variants.
-- Null until computed: rows written by SQL (older rows, the demo seed) are filled in by ProductPinyinBackfill.
alter table product add column name_pinyin text, add column name_initials text;
create index product_name_pinyin_trgm on product using gin (name_pinyin gin_trgm_ops);
create index product_name_initials_trgm on product using gin (name_initials gin_trgm_ops);
create index product_pinyin_missing_idx on product (id) where name_pinyin is null;

-- sort by price (keyset (price_fen, id)) among what is on sale
create index product_on_sale_price_idx on product (price_fen, id) where status = 'ON_SALE';

-- sort by sales: units of paid, shipped or completed orders per product (index-only sums)
create index customer_order_sold_idx on customer_order (product_id) include (quantity)
    where status in ('PAID', 'SHIPPED', 'COMPLETED');

-- Agreement titles name the agreement; the version is its own column, shown next to the title (V8 fixed the seeded
-- first versions). Drafts based on an older version used to carry 「（第 N 版）」 in their title, so the UI read
-- 「（第 2 版）（第 2 版）」: drop that suffix from published titles (the text and its hash are unchanged).
update agreement_version
set title = regexp_replace(title, '(\s*[（(]\s*第\s*\d+\s*版\s*[)）])+$', '')
where title ~ '[（(]\s*第\s*\d+\s*版\s*[)）]$'
  and regexp_replace(title, '(\s*[（(]\s*第\s*\d+\s*版\s*[)）])+$', '') <> '';
